// Local files and folders as sources: the seed format (`date YYYY-MM-DD` then the text) or plain text.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { type Result, fail, ok } from '../../core/errors';
import type { RawItem } from '../../core/model';
import type { SourceRead, SourceState } from '../../core/ports';
import { parseSeed } from '../../core/text/seed';
import { looksBinary } from '../../core/text/binary';

const TEXT_FILES = new Set(['.txt', '.md', '.text']);
/** The largest file (or standard input) read as an article. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const isLocalLocation = (location: string): boolean => !/^[a-z][a-z0-9+.-]*:\/\//i.test(location) || location.startsWith('file://');

const pathOf = (location: string) => resolve(location.startsWith('file://') ? new URL(location).pathname : location);

/** The file as an item; null when it is not text (an image or a PDF renamed, say). */
async function readItem(path: string): Promise<RawItem | null> {
  const bytes = await readFile(path);
  if (looksBinary(bytes)) return null;
  const seed = parseSeed(bytes.toString('utf8'));
  return { guid: basename(path), url: null, title: null, text: seed.text, publishedAt: seed.publishedAt };
}

/** Reads a file, or every text file of a folder (not recursive), as items. */
export async function readLocal(location: string, state?: SourceState): Promise<Result<SourceRead>> {
  const path = pathOf(location);
  let files: string[];
  try {
    const info = await stat(path);
    files = info.isDirectory()
      ? (await readdir(path)).filter((f) => TEXT_FILES.has(extname(f).toLowerCase())).sort().map((f) => join(path, f))
      : [path];
  } catch {
    return fail('source/not-found', `There is no file or folder at ${location}.`);
  }
  const stats = await Promise.all(files.map((f) => stat(f)));
  const tooBig = files.find((_, i) => stats[i]!.size > MAX_FILE_BYTES);
  if (tooBig) return fail('input/too-large', `${tooBig} is larger than 5 MB; it is not an article.`);
  // A cheap validator: the same files with the same sizes and times mean nothing changed.
  const etag = stats.map((s, i) => `${basename(files[i]!)}:${s.size}:${s.mtimeMs}`).join('|');
  const base = { title: null, etag, lastModified: null, movedTo: null, retryAfterMs: null };
  if (state?.etag === etag) return ok({ ...base, items: [], notModified: true });
  try {
    const items = await Promise.all(files.map(readItem));
    // A folder's binary files are passed over; a binary file given by name is refused.
    if (files.length === 1 && files[0] === path && !items[0])
      return fail('input/not-text', `${location} is not text (it looks like an image, a PDF or another binary file); give a text or HTML file.`);
    return ok({ ...base, items: items.filter((item): item is RawItem => item !== null), notModified: false });
  } catch (err) {
    return fail('source/unreadable', `I could not read ${location}: ${(err as Error).message}`);
  }
}
