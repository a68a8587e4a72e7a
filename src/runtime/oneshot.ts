// `tidings digest` and `tidings summarize`: read, summarize, print, exit. Nothing is stored.
import type { Article, Budget, Feed, Summary } from '../core/model';
import type { Clock, Source } from '../core/ports';
import { type Result, TidingsError, fail, ok } from '../core/errors';
import { looksBinary } from '../core/text/binary';
import { MAX_FILE_BYTES } from '../sources/local';
import { sourceName, summarizeItems } from '../app/ingest';
import { buildDigest } from '../core/digest/build';
import { StoryIndex } from '../core/stories/story-index';
import { summarize } from '../core/summarize';
import { loadDefaults } from './defaults';
import type { Digest } from '../core/model';

/** A feed row for a source read once, outside the store. */
const transientFeed = (url: string, now: string): Feed => ({
  id: url,
  url,
  title: null,
  global: false,
  enabled: true,
  etag: null,
  lastModified: null,
  nextPollAt: null,
  failures: 0,
  lastError: null,
  createdAt: now,
});

export interface OneShotDigest {
  digest: Digest;
  errors: { source: string; error: TidingsError }[];
}

export async function digestOf(sources: string[], source: Source, clock: Clock, maxStories: number, timezone: string): Promise<OneShotDigest> {
  const now = clock.now().toISOString();
  const articles: Article[] = [];
  const seen = new Set<string>();
  // Grouped as ingestion groups them: one index that each new article joins.
  const stories = new StoryIndex();
  const errors: OneShotDigest['errors'] = [];
  for (const location of sources) {
    const read = await source.read(location);
    if (!read.ok) {
      errors.push({ source: location, error: read.error });
      continue;
    }
    const feed = transientFeed(location, now);
    const context = { name: sourceName(feed, read.value.title), now, stories };
    await summarizeItems(source, feed, read.value.items, context, async (article) => {
      if (seen.has(article.id)) return false;
      seen.add(article.id);
      articles.push(article);
      return true;
    });
  }
  const digest = buildDigest(articles, { timezone, since: new Date(0).toISOString(), until: now, now, topics: [], maxStories, quotes: true, summaryWords: loadDefaults().digest.summaryWords });
  return { digest, errors };
}

/** What `summarize --json` and `--jsonl` print for one input. */
export function summaryJson(id: string | null, s: Summary): Record<string, unknown> {
  return { ...(id === null ? {} : { id }), title: s.title, language: s.language, summary: s.sentences, quotes: s.quotes, keywords: s.keywords, ...(s.truncated ? { truncated: s.truncated } : {}) };
}

/**
 * Standard input as text, under the same limits as a file: at most 5 MB (reading stops at the limit, so a
 * larger stream is never held whole) and text, not binary data.
 */
export async function readTextStream(stream: AsyncIterable<Buffer | string>): Promise<Result<string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > MAX_FILE_BYTES) return fail('input/too-large', 'standard input is larger than 5 MB; it is not an article.');
    chunks.push(bytes);
  }
  const bytes = Buffer.concat(chunks);
  if (looksBinary(bytes)) return fail('input/not-text', 'standard input is not text (it looks like an image, a PDF or another binary file); give text or HTML.');
  return ok(bytes.toString('utf8'));
}

export async function summarizeInput(input: string, source: Source, readStdin: () => Promise<Result<string>>, budget: Budget): Promise<Result<Summary & { url: string | null }>> {
  if (input === '-') {
    const text = await readStdin();
    if (!text.ok) return text;
    return { ok: true, value: { ...summarize(text.value, { budget }), url: null } };
  }
  const read = await source.read(input);
  if (!read.ok) return read;
  const item = read.value.items[0];
  if (!item) return { ok: false, error: new TidingsError('source/unreadable', `${input} holds no article text.`) };
  return { ok: true, value: { ...summarize(item.text, { title: item.title ?? null, budget }), url: item.url ?? null } };
}
