// Where the package's own files are, whatever the working directory: the nearest folder above this module that
// holds the package's package.json. It is found rather than counted, so the same code works from src/ (tsx) and
// from the compiled dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = resolve(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tidings') return dir;
    if (dirname(dir) === dir) throw new Error(`the tidings package.json was not found above ${from}`);
  }
}

export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
export const fromPackage = (...parts: string[]): string => resolve(PACKAGE_ROOT, ...parts);
