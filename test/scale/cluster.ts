// Helpers to run several tidings processes on one PostgreSQL schema and one Redis prefix, as the scale test
// and the scale benchmark do.
import { subscriptionRecord } from '../fakes/records';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Subscription } from '../../src/core/model';
import type { Store } from '../../src/core/ports';
import type { StartOptions } from '../../src/runtime/start';
import { openPostgresStore } from '../../src/store/postgres';
import { FAKE_PLATFORM } from '../fakes/http-sink';
import { compiledEntry } from '../support/compiled';
import { POSTGRES_URL, REDIS_URL, removeRedisKeys } from '../support/servers';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A fresh schema and Redis prefix; `drop()` removes both. */
export interface Sandbox {
  databaseUrl: string;
  schema: string;
  queuePrefix: string;
  admin: pg.Pool;
  work: string;
  openStore(): Promise<Store>;
  count(sql: string): Promise<number>;
  /** Signals every committed change to `table` (which must exist), through LISTEN/NOTIFY: no polling. */
  changesOf(table: string): Promise<Changes>;
  drop(): Promise<void>;
}

/** `durable: false` turns synchronous_commit off for the sandbox's sessions (a throwaway schema needs no fsync). */
export async function sandbox(options: { durable?: boolean } = {}): Promise<Sandbox> {
  const id = randomUUID().replace(/-/g, '').slice(0, 16);
  const schema = `scale_${id}`;
  const queuePrefix = `tidings-test-${id}`;
  const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const settings = `-c search_path=${schema}${options.durable === false ? ' -c synchronous_commit=off' : ''}`;
  const databaseUrl = `${POSTGRES_URL}?options=${encodeURIComponent(settings)}`;
  const work = mkdtempSync(join(tmpdir(), 'tidings-scale-'));
  const listeners: pg.Client[] = [];
  return {
    databaseUrl,
    schema,
    queuePrefix,
    admin,
    work,
    openStore: () => openPostgresStore(databaseUrl),
    count: async (sql) => Number((await admin.query<{ n: string }>(sql.replace(/\bFROM (\w+)/i, `FROM "${schema}".$1`))).rows[0]?.n ?? 0),
    async changesOf(table) {
      const channel = `${schema}_${table}`;
      await admin.query(`CREATE OR REPLACE FUNCTION "${schema}".notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify(TG_TABLE_SCHEMA || '_' || TG_TABLE_NAME, ''); RETURN NULL; END $$`);
      await admin.query(`CREATE TRIGGER "${table}_changed" AFTER INSERT OR UPDATE OR DELETE ON "${schema}"."${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".notify_change()`);
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      listeners.push(client);
      await client.query(`LISTEN "${channel}"`);
      return {
        onChange(listener) {
          const heard = (n: pg.Notification) => n.channel === channel && listener();
          client.on('notification', heard);
          return () => void client.off('notification', heard);
        },
      };
    },
    async drop() {
      await Promise.all(listeners.splice(0).map((c) => c.end()));
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
      await removeRedisKeys(queuePrefix);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface Proc {
  role: string;
  child: ChildProcessWithoutNullStreams;
  pid: number;
  ready: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

/** Starts `test/scale/entry.ts ROLE` as a real child process. */
/**
 * Starts one tidings process. The test suite runs the entry its global setup compiled (`compiled`); the benchmark,
 * which has no such setup, runs the source through tsx.
 */
export function spawnTidings(box: Sandbox, role: 'scheduler' | 'worker' | 'all', platformUrl: string, options: Omit<StartOptions, 'role' | 'sinks'>, runner: 'compiled' | 'tsx' = 'tsx'): Proc {
  const entry = runner === 'compiled' ? [compiledEntry('scale/entry')] : [join(root, 'bin/run-ts.js'), join(root, 'test/scale/entry.ts')];
  const child = spawn(process.execPath, [...entry, role], {
    cwd: box.work,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: box.work,
      DATABASE_URL: box.databaseUrl,
      REDIS_URL,
      LOG_LEVEL: 'warn',
      FAKE_PLATFORM_URL: platformUrl,
      SCALE_OPTIONS: JSON.stringify({ queuePrefix: box.queuePrefix, ...options }),
    },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<void>((done, failed) => {
    const check = () => /^ready /m.test(out) && done();
    child.stdout.on('data', check);
    void exited.then((code) => failed(new Error(`${role} exited (${code}) before it was ready:\n${out}`)));
  });
  return { role, child, pid: child.pid ?? -1, ready, exited, output: () => out };
}

/** `n` subscriptions on the test platform whose daily digest fell due a minute ago (or, `due: false`, was just covered). */
export async function seedDueSubscriptions(store: Store, n: number, options: { due?: boolean } = {}): Promise<Subscription[]> {
  const now = new Date();
  const due = new Date(now.getTime() - 60_000);
  const time = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
  const created = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const subs = Array.from({ length: n }, (_, i) =>
    subscriptionRecord({ platform: FAKE_PLATFORM, chatId: `chat-${i}`, threadId: null }, { time, coveredUntil: options.due === false ? now.toISOString() : null, createdAt: created }),
  );
  for (let i = 0; i < subs.length; i += 50) await Promise.all(subs.slice(i, i + 50).map((s) => store.saveSubscription(s)));
  return subs;
}

/** Something that says when it may have changed; `onChange` returns the way to stop listening. */
export interface Changes {
  onChange(listener: () => void): () => void;
}

/**
 * Resolves once `check` holds, checking it at once and again after every signal from `changes` (never on a
 * timer); rejects naming `what` if it still does not hold after `timeoutMs`. Checks never overlap: a signal
 * during a check runs one more check after it.
 */
export function when(what: string, check: () => boolean | Promise<boolean>, changes: Changes[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let checking = false;
    let again = false;
    const settle = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      for (const stop of stops) stop();
      if (err === undefined) resolve();
      else reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
    };
    const recheck = async () => {
      if (checking) return void (again = true);
      checking = true;
      try {
        do {
          again = false;
          if (await check()) return settle();
        } while (again && !settled);
      } catch (err) {
        settle(err);
      } finally {
        checking = false;
      }
    };
    // Listen before the first check, so a change between the two is not missed.
    const stops = changes.map((c) => c.onChange(() => void recheck()));
    const deadline = setTimeout(() => settle(new Error(`timed out waiting for ${what}`)), timeoutMs);
    void recheck();
  });
}

/** Resolves when `check` is true, polling; rejects with `what` after `timeoutMs`. For the benchmark's long runs. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
