// The embedded default: one SQLite file through better-sqlite3, WAL mode so readers never wait for the writer.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../core/ports';
import type { Database } from '../sql/schema';
import { SqlStore, migrate } from '../sql/store';

const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every query anew; compiling SQL cost more than running it when ingesting thousands of feeds.
 * The same SQL text reuses its statement (a small LRU: `IN (?, ?, …)` lists make many shapes).
 */
function cachePreparedStatements(sqlite: Sqlite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Sqlite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source); // re-inserted below: most recently used last
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Opens (creating if needed) the database at `path` (":memory:" for a throwaway one) and applies migrations. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // better-sqlite3 builds SQLite with a 16 MB page cache; ingestion fills it, and it only doubles pages the
  // operating system already caches for the file. SQLite's own default (2 MB) polls as fast.
  sqlite.pragma('cache_size = -2000');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return new SqlStore(db, { skipLocked: false, streams: true, concurrentWriters: false });
}
