// Where the evaluation corpora live, and a clear way out when they are absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The corpora sit beside the project (../shared/corpus); a checkout one level deeper (a work tree) finds
// them one level further up. TIDINGS_CORPUS names another place.
const candidates = [
  process.env['TIDINGS_CORPUS'],
  resolve(process.cwd(), '..', 'shared', 'corpus'),
  resolve(process.cwd(), '..', '..', 'shared', 'corpus'),
].filter((path): path is string => typeof path === 'string' && path !== '');

export const CORPUS_DIR = candidates.find((path) => existsSync(path)) ?? resolve(process.cwd(), '..', 'shared', 'corpus');

export function corpusPresent(): boolean {
  return existsSync(CORPUS_DIR);
}

export function corpusPath(...parts: string[]): string {
  return join(CORPUS_DIR, ...parts);
}

/** Files of a folder, sorted by name (stable order keeps runs comparable). */
export function listFiles(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
