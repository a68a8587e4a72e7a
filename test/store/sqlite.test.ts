import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite';
import type { Database } from '../../src/store/sql/schema';
import { SqlStore, migrate } from '../../src/store/sql/store';
import { storeContract } from './contract';

const dir = mkdtempSync(join(tmpdir(), 'tidings-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite (memory)', () => openSqliteStore(':memory:'));
storeContract('sqlite (file)', () => openSqliteStore(join(dir, `t${++n}.db`)));

describe('sqlite: the scheduler reads by index', () => {
  it('finds due subscriptions and feeds through their indexes, not by scanning the tables', async () => {
    const sqlite = new Sqlite(':memory:');
    const seen: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void seen.push({ sql: e.query.sql, parameters: e.query.parameters }) });
    await migrate(db);
    const store = new SqlStore(db, { skipLocked: false, streams: true, concurrentWriters: false });
    try {
      seen.length = 0;
      expect(await store.dueSubscriptions('2026-01-01T00:00:00.000Z', 500)).toEqual({ subscriptions: [], next: null });
      expect(await store.dueFeeds('2026-01-01T00:00:00.000Z', 500)).toEqual([]);
      const plans = seen.map((q) => sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])).map((r) => (r as { detail: string }).detail).join('; '));
      expect(plans[0]).toMatch(/SEARCH subscriptions USING INDEX subscriptions_due \(next_due_at<\?\)/);
      expect(plans[0]).not.toMatch(/SCAN subscriptions/);
      expect(plans[1]).toMatch(/feeds USING INDEX feeds_next_poll/);
      expect(plans[1]).not.toMatch(/SCAN feeds/);
    } finally {
      await store.close();
    }
  });
});
