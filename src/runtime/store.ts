// Picks the store from DATABASE_URL. Each backend (its driver and dialect) is loaded only when chosen, so a
// SQLite install never holds the PostgreSQL client in memory and the other way round.
import type { TidingsError } from '../core/errors';
import { configError } from '../config/env';
import type { Store } from '../core/ports';

/** `onLost`: told when the SQLite file is deleted or replaced while open (the service then stops). */
export async function openStore(databaseUrl: string, onLost?: (fault: TidingsError) => void): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return (await import('../store/sqlite')).openSqliteStore(databaseUrl.slice('sqlite:'.length), onLost ? { onLost } : {});
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return (await import('../store/postgres')).openPostgresStore(databaseUrl);
  throw configError(`DATABASE_URL ${databaseUrl.split(':')[0]}: use sqlite:PATH or postgres://…`);
}
