// The Store contract on the embedded default: a fresh in-memory SQLite database per case.
import { openSqliteStore } from '../../src/store/sqlite';
import { storeContract } from './contract';

storeContract('sqlite', () => openSqliteStore(':memory:'));
