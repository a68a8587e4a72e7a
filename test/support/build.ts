// Vitest's global setup: compiles src/ to dist/ before any test runs, so the tests that start `tidings` as a
// child process run what they test, compiled, without paying tsx's transform in every child.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [resolve(__dirname, '../../bin/build.js')], { stdio: 'inherit' });
}
