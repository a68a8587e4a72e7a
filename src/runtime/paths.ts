// Where the package's own files are, whatever the working directory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fromPackage = (...parts: string[]): string => resolve(PACKAGE_ROOT, ...parts);
