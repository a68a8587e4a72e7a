import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite';
import { storeContract } from './contract';

const dir = mkdtempSync(join(tmpdir(), 'tidings-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite (memory)', () => openSqliteStore(':memory:'));
storeContract('sqlite (file)', () => openSqliteStore(join(dir, `t${++n}.db`)));
