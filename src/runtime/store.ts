// Picks the store from DATABASE_URL. Each backend (its driver and dialect) is loaded only when chosen, so a
// SQLite install never holds the PostgreSQL client in memory and the other way round.
import { configError } from '../config/env';
import type { Store } from '../core/ports';

export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return (await import('../store/sqlite')).openSqliteStore(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return (await import('../store/postgres')).openPostgresStore(databaseUrl);
  throw configError(`DATABASE_URL ${databaseUrl.split(':')[0]}: use sqlite:PATH or postgres://…`);
}
