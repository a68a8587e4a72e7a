// Vitest's global setup: compiles src/ to dist/ before any test runs, and the entries the tests start as child
// processes to test-dist/, so each child runs compiled code without paying tsx's transform.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED_TEST_DIR } from './compiled';

export default async function setup(): Promise<void> {
  const { compile } = (await import(pathToFileURL(resolve(__dirname, '../../bin/build.js')).href)) as {
    compile(entries: string[], outdir: string): Promise<void>;
  };
  await compile(['src/cli.ts'], 'dist');
  await compile(['test/scale/entry.ts', 'test/fixtures/crash-child.ts'], COMPILED_TEST_DIR);
}
