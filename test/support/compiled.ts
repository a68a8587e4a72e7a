// Where the test suite's global setup (./build.ts) puts the compiled child-process entries.
import { resolve } from 'node:path';

export const COMPILED_TEST_DIR = 'test-dist';

/** The compiled form of a test entry, e.g. compiledEntry('scale/entry') for test/scale/entry.ts. */
export const compiledEntry = (name: string): string => resolve(__dirname, '../..', COMPILED_TEST_DIR, `${name}.js`);
