// Reading a source into stored, summarized articles grouped into stories.
import type { Article, Feed, RawItem, Summary } from '../core/model';
import type { Clock, Logger, Sink, Source, SourceRead, Store, TextWork } from '../core/ports';
import { type Result, ok } from '../core/errors';
import { articleText, inlineTextWork } from './text-work';
import { type AttemptDeps, attemptItem } from './quarantine';
import { itemIdentity } from '../core/stories/identity';
import { StoryIndex, type StoryGrouping } from '../core/stories/story-index';
import { storeArticleQuotes } from './people';

export interface IngestDeps {
  store: Store;
  source: Source;
  clock: Clock;
  log: Logger;
  /** Where summarizing runs (a worker pool in the service); in line when absent. */
  work?: TextWork;
  /** Sinks by platform, to tell a feed's chats of an article skipped for good. */
  sinks?: ReadonlyMap<string, Sink>;
}

export interface IngestOutcome {
  feedId: string;
  /** Every article the source holds now (new or already stored), in the source's order. */
  articleIds: string[];
  newCount: number;
  notModified: boolean;
  /** The source asked not to be read again for this long (ttl, Cache-Control), if it said. */
  retryAfterMs: number | null;
}

/** At most this many teaser items of one read are completed from their pages (the rest keep their teaser). */
export const MAX_PAGES_PER_READ = 10;

/** Stories are grouped among articles that arrived within this window. */
const STORY_WINDOW_MS = 48 * 3_600_000;

/** The outlet's name as the digest shows it: the feed's title, else the site's host, else the file or folder. */
export function sourceName(feed: Feed, title: string | null): string {
  if (title) return title;
  try {
    const u = new URL(feed.url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.hostname.replace(/^www\./, '');
  } catch {
    // a local path
  }
  return feed.url.replace(/\/+$/, '').split('/').pop() || feed.url;
}

/** One item into an article (no I/O), from its cleaned text and summary (summarized here when not given). */
export function toArticle(
  item: RawItem,
  feed: Feed,
  name: string,
  now: string,
  stories: StoryGrouping,
  summarized: { text: string; summary: Summary } = articleText(item.text, item.title ?? null),
): Article {
  const { text, summary: s } = summarized;
  const id = itemIdentity(item, feed.url);
  const publishedAt = item.publishedAt ?? now;
  const fp = stories.fingerprint(s.title, text, s.language);
  return {
    id,
    feedId: feed.id,
    sourceName: name,
    url: item.url ?? null,
    title: s.title,
    text,
    publishedAt,
    ingestedAt: now,
    language: s.language,
    summary: s.sentences,
    quotes: s.quotes,
    keywords: s.keywords,
    excerptOnly: item.excerptOnly ?? false,
    storyId: stories.match(fp, publishedAt) ?? id,
    fingerprint: fp,
  };
}

/**
 * A feed that carries only teasers: the item with its article page's text, while the read's page budget lasts;
 * else the item as the feed gave it.
 */
export async function withPageText(source: Source, item: RawItem, feedUrl: string, pages: { left: number }): Promise<RawItem> {
  if (!item.excerptOnly || !item.url || !source.expand || pages.left <= 0) return item;
  pages.left--;
  return source.expand(item, feedUrl);
}

/** The article's quotes and speakers; the article stays stored (and in digests) if this fails. */
async function storeQuotes(deps: IngestDeps, article: Article): Promise<void> {
  try {
    await storeArticleQuotes(deps.store, article);
  } catch (err) {
    deps.log.error({ err, article: article.id }, 'storing the quotes of an article failed');
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ItemContext {
  /** The outlet's name (see sourceName). */
  name: string;
  now: string;
  /** The index each new article is grouped in, and joins when `keep` takes it. */
  stories: StoryIndex;
  /** Ids already stored: listed, not summarized again. */
  known?: ReadonlySet<string>;
  /** Where summarizing runs (a worker pool in the service); in line when absent. */
  work?: TextWork;
  /** Told of an item that could not be summarized (over the work's limits): it is skipped, the others go on. */
  log?: Logger;
  /**
   * Counts each summary as an attempt in the store, and skips items that failed or crashed too often
   * (see quarantine.ts); without it (a one-shot digest) an item that fails is just skipped.
   */
  attempts?: AttemptDeps;
}

/**
 * The one loop from a read's items to articles, for ingestion and the one-shot digest alike: empty items are
 * dropped, teasers completed from their pages while the read's page budget lasts, each new item summarized and
 * offered to `keep` (which stores it, or collects it); a kept article joins the story index. Returns the ids of
 * every item, in the source's order.
 */
export async function summarizeItems(source: Source, feed: Feed, items: readonly RawItem[], ctx: ItemContext, keep: (article: Article) => Promise<boolean>): Promise<string[]> {
  const ids: string[] = [];
  const pages = { left: MAX_PAGES_PER_READ };
  for (const listed of items) {
    if (!listed.text.trim() && !listed.title?.trim()) continue;
    const id = itemIdentity(listed, feed.url);
    if (ctx.known?.has(id)) {
      ids.push(id);
      continue;
    }
    const item = await withPageText(source, listed, feed.url, pages);
    // The store may answer synchronously: give timers and sockets a turn between items, so other feeds'
    // fetches are not timed out by our own busy loop.
    await yieldToEventLoop();
    const summarize = () => (ctx.work ?? inlineTextWork).article(item.text, item.title ?? null);
    let summarized: { text: string; summary: Summary } | null;
    if (ctx.attempts) {
      summarized = await attemptItem(ctx.attempts, feed, id, item.title ?? item.url ?? id, summarize);
    } else {
      summarized = await summarize().catch((err: Error) => {
        ctx.log?.warn({ feed: feed.url, item: id, err: err.message }, 'item not summarized');
        return null;
      });
    }
    if (!summarized) continue;
    const article = toArticle(item, feed, ctx.name, ctx.now, ctx.stories, summarized);
    if (await keep(article)) ctx.stories.add(article);
    ids.push(article.id);
  }
  return ids;
}

/** The candidates for story grouping: every article that arrived within the story window. */
export async function loadStoryIndex(deps: Pick<IngestDeps, 'store' | 'clock'>): Promise<StoryIndex> {
  const index = new StoryIndex();
  for await (const candidate of deps.store.recentFingerprints(new Date(deps.clock.now().getTime() - STORY_WINDOW_MS).toISOString())) index.add(candidate);
  return index;
}

export interface IngestOptions {
  /** The story index of the polling run (loaded from the store when absent). */
  stories?: StoryIndex;
  /** Extra fields for the feed's row after a good read (the next poll time), written in the same update. */
  schedule?: (read: SourceRead) => Partial<Feed>;
  /** Called once the source has answered, before its items are summarized (see quarantine.ts). */
  afterRead?: () => Promise<void>;
  /** The feed as just read by the caller (a feed being added): stored from this instead of reading it again. */
  read?: SourceRead;
}

/**
 * Reads one feed, stores what is new, and keeps the feed's validators for the next conditional read.
 * A polling run passes one story index to every feed it reads, so the recent fingerprints are loaded once.
 */
export async function ingestFeed(deps: IngestDeps, feed: Feed, options: IngestOptions = {}): Promise<Result<IngestOutcome>> {
  const { stories, schedule } = options;
  const read = options.read ? ok(options.read) : await deps.source.read(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
  await options.afterRead?.();
  if (!read.ok) return read;
  const r = read.value;
  // A good read also turns a paused feed back on: that is how a manual check revives it. Only what changed is
  // written, so an unchanged feed (304) costs no write here.
  const next = {
    etag: r.etag ?? feed.etag,
    lastModified: r.lastModified ?? feed.lastModified,
    title: feed.title ?? r.title,
    failures: 0,
    lastError: null,
    enabled: true,
  };
  const patch = { ...Object.fromEntries(Object.entries(next).filter(([k, v]) => feed[k as keyof typeof next] !== v)), ...schedule?.(r) };
  if (Object.keys(patch).length) await deps.store.updateFeed(feed.id, patch);
  if (r.movedTo && r.movedTo !== feed.url) {
    // Another row may already have the new address (someone added it directly): then keep reading the old one.
    if (await deps.store.findFeed(r.movedTo)) {
      deps.log.warn({ from: feed.url, to: r.movedTo }, 'feed moved onto a known feed');
    } else {
      await deps.store.updateFeed(feed.id, { url: r.movedTo });
      deps.log.info({ from: feed.url, to: r.movedTo }, 'feed moved');
    }
  }
  if (r.notModified) return ok({ feedId: feed.id, articleIds: [], newCount: 0, notModified: true, retryAfterMs: r.retryAfterMs });

  const nowIso = deps.clock.now().toISOString();
  const name = sourceName(feed, feed.title ?? r.title);
  const index = stories ?? (await loadStoryIndex(deps));
  const known = await deps.store.existingArticleIds(r.items.map((item) => itemIdentity(item, feed.url)));
  let newCount = 0;
  const articleIds = await summarizeItems(deps.source, feed, r.items, { name, now: nowIso, stories: index, known, log: deps.log, attempts: deps, ...(deps.work ? { work: deps.work } : {}) }, async (article) => {
    const stored = await deps.store.saveArticle(article);
    if (stored) {
      newCount++;
      await storeQuotes(deps, article);
    }
    return stored;
  });
  deps.log.debug({ feed: feed.url, items: r.items.length, new: newCount }, 'feed ingested');
  return ok({ feedId: feed.id, articleIds, newCount, notModified: false, retryAfterMs: r.retryAfterMs });
}
