// Vitest's global setup: compiles src/ to dist/ before any test runs, and the entries the tests start as child
// processes to test-dist/, so each child runs compiled code without paying tsx's transform.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED_TEST_DIR } from './compiled';

export default async function setup(): Promise<void> {
  const { APP_ENTRIES, compile } = (await import(pathToFileURL(resolve(__dirname, '../../bin/build.js')).href)) as {
    APP_ENTRIES: Record<string, string>;
    compile(this: void, entries: string[] | Record<string, string>, outdir: string): Promise<void>;
  };
  await compile(APP_ENTRIES, 'dist');
  // The worker thread's entry goes beside the chunks here too, where the pool looks for it.
  await compile({ 'scale/entry': 'test/scale/entry.ts', 'fixtures/crash-child': 'test/fixtures/crash-child.ts', worker: APP_ENTRIES.worker! }, COMPILED_TEST_DIR);
}
