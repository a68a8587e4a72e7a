// The scale-out store: a `pg` pool under Kysely's PostgresDialect. The SQL is the shared one in ../sql; only
// the outbox claim differs (FOR UPDATE SKIP LOCKED, so concurrent workers never lease the same row).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { TidingsError } from '../../core/errors';
import type { Store } from '../../core/ports';
import type { Database } from '../sql/schema';
import { SqlStore, migrate } from '../sql/store';

export interface PostgresStoreOptions {
  /** Tables live in this schema (created if missing) instead of the connection's default search_path. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The address without its password, fit for a message or a log line. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  }
}

/** Why the server could not be used, in words: the driver's codes (a refused connection, an unknown database). */
function reasonOf(err: Error & { code?: string }): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'nothing answers at that address (is PostgreSQL running, and on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ETIMEDOUT':
      return 'the server did not answer in time';
    case '3D000':
      return `${err.message} (create it, or name an existing one)`;
    case '28P01':
    case '28000':
      return `the server refused the login: ${err.message}`;
    default:
      return err.message.split('\n')[0] || String(err.code ?? err);
  }
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a pool on `url` (postgres://user:pass@host:5432/db) and applies migrations. A server that cannot be
 * reached, or a database that does not exist, is one TidingsError naming DATABASE_URL without its password.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  try {
    return await openPool(url, options);
  } catch (err) {
    const e = err as Error & { code?: string };
    // A driver or network error at start: the operator's setting is what to fix. A failed migration is a bug.
    if (e.code === undefined || e.message.startsWith('database migration')) throw err;
    throw new TidingsError('store/unavailable', `DATABASE_URL ${withoutPassword(url)}: ${reasonOf(e)}`);
  }
}

async function openPool(url: string, options: PostgresStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    // The first query is the connection check: its failure ends the pool before it is reported.
    await pool.query(options.schema ? `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}` : 'SELECT 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // The schema the tables go to (search_path may come from the URL's options): Kysely's migrator would
    // otherwise find another schema's bookkeeping tables and skip creating its own.
    const { rows } = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
    await migrate(db, rows[0]?.schema ?? 'public');
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore(db, { skipLocked: true, streams: false, concurrentWriters: true });
}
