#!/usr/bin/env node
// Compiles src/ to dist/ (run by `npm install` through `prepare`, or `npm run build`): one ES module bundle with
// a chunk per lazily imported command, so `tidings --help` loads almost nothing. Packages stay in node_modules,
// except the `natural` modules imported by path: Node cannot resolve a path without its extension, so they are
// bundled in.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => name !== 'natural');

rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: new URL('.', root).pathname,
  // The worker thread's entry (runtime/workers) sits beside the chunks as dist/worker.js, where the pool looks for it.
  entryPoints: { cli: 'src/cli.ts', worker: 'src/runtime/workers/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: packages.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS (natural) may call require() for Node's own modules.
  banner: { js: "import { createRequire as __tidingsRequire } from 'node:module'; const require = __tidingsRequire(import.meta.url);" },
  logLevel: 'warning',
});
