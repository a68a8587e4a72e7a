// The scale-out store: a `pg` pool under Kysely's PostgresDialect. The SQL is the shared one in ../sql; only
// the outbox claim differs (FOR UPDATE SKIP LOCKED, so concurrent workers never lease the same row).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
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

/** Opens a pool on `url` (postgres://user:pass@host:5432/db) and applies migrations. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
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
