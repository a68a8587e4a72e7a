#!/usr/bin/env node
// Compiles src/ to dist/ (run by `npm install` through `prepare`, or `npm run build`): one ES module bundle with
// a chunk per lazily imported command, so `tidings --help` loads almost nothing. Packages stay in node_modules,
// except the `natural` modules imported by path: Node cannot resolve a path without its extension, so they are
// bundled in. The test suite compiles its child-process entries with the same function.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The service's entries: the CLI, and the worker thread's entry (runtime/workers) beside the chunks as dist/worker.js, where the pool looks for it. */
export const APP_ENTRIES = { cli: 'src/cli.ts', worker: 'src/runtime/workers/worker.ts' };

/** Bundles `entries` (paths from the package root, or named entries) into `outdir`, emptied first. */
export async function compile(entries, outdir) {
  const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => name !== 'natural');
  rmSync(`${root}/${outdir}`, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
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
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await compile(APP_ENTRIES, 'dist');
