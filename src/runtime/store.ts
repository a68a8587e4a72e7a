// Picks the store from DATABASE_URL.
import type { Store } from '../core/ports';
import { openSqliteStore } from '../store/sqlite';

export async function openStore(databaseUrl: string): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) return openSqliteStore(databaseUrl.slice('sqlite:'.length));
  throw new Error(`DATABASE_URL ${databaseUrl.split(':')[0]}: this build supports sqlite: only`);
}
