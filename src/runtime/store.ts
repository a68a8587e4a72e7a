// Picks the store from DATABASE_URL.
import type { Store } from '../core/ports';
import { openPostgresStore } from '../store/postgres';
import { openSqliteStore } from '../store/sqlite';

export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStore(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore(databaseUrl);
  throw new Error(`DATABASE_URL ${databaseUrl.split(':')[0]}: use sqlite:PATH or postgres://…`);
}
