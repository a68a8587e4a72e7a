// The same contract on a real PostgreSQL server: every test gets a fresh schema, dropped afterwards.
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres';
import type { Database } from '../../src/store/sql/schema';
import { SqlStore } from '../../src/store/sql/store';
import { storeContract, outboxRow, subscription } from './contract';
import { POSTGRES_URL } from '../support/servers';

const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
const schemas: string[] = [];
afterAll(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await admin.end();
});

function freshStore(max?: number) {
  const schema = `t_${randomUUID().replace(/-/g, '')}`;
  schemas.push(schema);
  return openPostgresStore(POSTGRES_URL, { schema, ...(max ? { max } : {}) });
}

storeContract('postgres', () => freshStore());

describe('postgres outbox claim', () => {
  it('claims with FOR UPDATE SKIP LOCKED in the statement PostgreSQL runs', async () => {
    const schema = `t_${randomUUID().replace(/-/g, '')}`;
    schemas.push(schema);
    await (await openPostgresStore(POSTGRES_URL, { schema })).close(); // migrated
    const seen: string[] = [];
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2, options: `-c search_path="${schema}"` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void seen.push(e.query.sql) });
    const store = new SqlStore(db, { skipLocked: true, streams: false, concurrentWriters: true });
    try {
      const s = subscription({ platform: 'telegram', chatId: '1' });
      await store.saveSubscription(s);
      expect(await store.enqueueDigest(outboxRow(s, 'p1'), null)).toBe(true);
      expect(await store.enqueueDigest(outboxRow(s, 'p1'), null)).toBe(false); // ON CONFLICT DO NOTHING counts 0 rows
      expect(await store.claimDeliveries('2025-08-14T09:00:00.000Z', 10, 60_000)).toHaveLength(1);
      expect(seen.find((q) => /update "outbox"/.test(q))).toMatch(/for update skip locked/);
    } finally {
      await store.close();
    }
  });

  it('never hands one row to two of many concurrent claimers', async () => {
    const store = await freshStore(20);
    try {
      const subs = Array.from({ length: 120 }, (_, i) => subscription({ platform: 'telegram', chatId: String(i) }));
      for (const s of subs) {
        await store.saveSubscription(s);
        await store.enqueueDigest(outboxRow(s, 'p1'), null);
      }
      const now = '2025-08-14T09:00:00.000Z';
      const batches = await Promise.all(Array.from({ length: 12 }, () => store.claimDeliveries(now, 8, 60_000)));
      const more = await store.claimDeliveries(now, 1000, 60_000);
      const ids = [...batches.flat(), ...more].map((r) => r.id);
      expect(ids).toHaveLength(120);
      expect(new Set(ids).size).toBe(120);
    } finally {
      await store.close();
    }
  });
});
