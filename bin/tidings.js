#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm install` runs). A checkout that was never
// built, or whose sources changed after the last build, runs the TypeScript sources through tsx instead, more
// slowly: an edited checkout never runs yesterday's code.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

function newerThan(dir, builtAt) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory() ? newerThan(path, builtAt) : statSync(path).mtimeMs > builtAt) return true;
  }
  return false;
}

const fresh = existsSync(compiled) && !(existsSync(sources) && newerThan(sources, statSync(compiled).mtimeMs));
if (fresh) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
