// The embedded default: one SQLite file through better-sqlite3, WAL mode so readers never wait for the writer.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { TidingsError } from '../../core/errors';
import type { Store } from '../../core/ports';
import { checkDatabaseFile, storeFault, watchDatabaseFile } from './file';
import type { Database } from '../sql/schema';
import { SqlStore, migrate } from '../sql/store';

const STATEMENT_CACHE = 256;

/**
 * Kysely prepares every query anew; compiling SQL cost more than running it when ingesting thousands of feeds.
 * The same SQL text reuses its statement (a small LRU: `IN (?, ?, …)` lists make many shapes).
 */
function cachePreparedStatements(sqlite: Sqlite.Database, beforeEach: () => void): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Sqlite.Statement>();
  sqlite.prepare = ((source: string) => {
    beforeEach();
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

export interface SqliteStoreOptions {
  /** Told once when the file is deleted or replaced while open (every statement fails from then on). */
  onLost?: (fault: TidingsError) => void;
}

/**
 * Opens (creating if needed) the database at `path` (":memory:" for a throwaway one) and applies migrations.
 * A damaged file is refused with a message naming it.
 */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const onFile = path !== ':memory:' && path !== '';
  if (onFile) mkdirSync(dirname(path), { recursive: true });
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(path);
  } catch (err) {
    throw storeFault(`cannot open the database file ${path}: ${(err as Error).message}`);
  }
  if (onFile) {
    try {
      checkDatabaseFile(sqlite, path);
    } catch (err) {
      sqlite.close();
      throw err;
    }
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // better-sqlite3 builds SQLite with a 16 MB page cache; ingestion fills it, and it only doubles pages the
  // operating system already caches for the file. SQLite's own default (2 MB) polls as fast.
  sqlite.pragma('cache_size = -2000');
  const watch = onFile ? watchDatabaseFile(path, options.onLost ?? (() => undefined)) : null;
  cachePreparedStatements(sqlite, () => watch?.check());
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  const store = new SqlStore(db, { skipLocked: false, streams: true, concurrentWriters: false });
  const close = store.close.bind(store);
  store.close = async () => {
    watch?.stop();
    await close();
  };
  return store;
}
