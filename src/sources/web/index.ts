// The Source for http(s) locations: a feed if the answer parses as one, else the page's article, else the feed
// the page (or the site's usual paths) points to. All of it goes through the one safe fetcher.
import { type Result, fail, ok } from '../../core/errors';
import type { RawItem } from '../../core/model';
import type { Logger, Source, SourceRead, SourceState } from '../../core/ports';
import { type Fetched, type Fetcher, type FetcherOptions, createFetcher } from '../http/fetcher';
import { decodeBody } from '../feed/charset';
import { type FeedNote, looksLikeFeed, parseFeedText } from '../feed/parse';
import { commonFeedUrls, feedLinks } from '../page/discover';

/**
 * The page reader (a DOM and Readability) is loaded the first time a page rather than a feed is read (a page
 * address, or the article behind a teaser): polling full-text feeds never needs it, and it is a large part of
 * what the process would otherwise hold for good.
 */
const pageReader = () => import('../page/extract');

/**
 * Reads a page's article from its markup: CPU work that the service runs in a worker thread (so a huge page
 * never holds the event loop), in line by default. It may reject when the page runs over the reader's limits.
 */
export type ReadPage = (html: string, url: string) => Promise<Result<RawItem | null>>;

const readPageInline: ReadPage = async (html, url) => (await pageReader()).extractArticle(html, url);

export interface WebSource extends Source {
  expand(item: RawItem, feedLocation: string): Promise<RawItem>;
  close(): Promise<void>;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const MAX_DISCOVERY_TRIES = 4;
const COMMON_TRIES = 9;

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** The host without "www.": a feed and its articles often differ only by it. */
const siteOf = (location: string): string | null => {
  try {
    const u = new URL(location);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
};

/** An article on the feed's own site (or a subdomain of it, or it of the article's): we only read a site's own pages. */
function sameSite(articleUrl: string, feedLocation: string): boolean {
  const a = siteOf(articleUrl);
  const f = siteOf(feedLocation);
  return a !== null && f !== null && (a === f || a.endsWith(`.${f}`) || f.endsWith(`.${a}`));
}

const maxOf = (...values: (number | null)[]) => values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.max(m, v)), null);

function readOf(fetched: Fetched): Omit<SourceRead, 'title' | 'items'> {
  return { notModified: fetched.notModified, etag: fetched.etag, lastModified: fetched.lastModified, movedTo: fetched.movedTo, retryAfterMs: fetched.maxAgeMs };
}

/** The base for a body's relative links: its Content-Location when it sends one, else where it came from. */
function baseOf(fetched: Fetched): string {
  if (!fetched.contentLocation) return fetched.url;
  try {
    const base = new URL(fetched.contentLocation, fetched.url);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base.toString() : fetched.url;
  } catch {
    return fetched.url;
  }
}

const NOTE_MESSAGES: Record<FeedNote['kind'], string> = {
  'unreadable-dates': 'feed dates unreadable: those items are dated when read',
  'items-capped': 'feed has more items than are read at once: the rest are skipped',
  repaired: 'feed is malformed: read after mending',
};
/** Feeds noted so far, so each kind of note is logged once per feed while the process runs. */
const MAX_NOTED = 10_000;

export function createWebSource(fetcher: Fetcher, log?: Logger, readPage: ReadPage = readPageInline): WebSource {
  /** A page over the reader's limits is a value like any unreadable page, not a thrown error. */
  const extract = (html: string, url: string): Promise<Result<RawItem | null>> =>
    readPage(html, url).catch((err: Error) => fail('source/unreadable', `I could not read the page at ${url}: ${err.message}.`));

  const noted = new Set<string>();
  function note(location: string, notes: FeedNote[]): void {
    for (const n of notes) {
      const key = `${n.kind} ${location}`;
      if (!log || noted.has(key)) continue;
      if (noted.size >= MAX_NOTED) noted.clear();
      noted.add(key);
      const { kind, ...details } = n;
      log[kind === 'items-capped' ? 'info' : 'warn']({ feed: location, ...details }, NOTE_MESSAGES[kind]);
    }
  }

  function asFeed(fetched: Fetched, text: string): Result<SourceRead> {
    const parsed = parseFeedText(text, baseOf(fetched));
    if (!parsed.ok) return parsed;
    note(fetched.url, parsed.value.notes);
    return ok({ ...readOf(fetched), title: parsed.value.title, items: parsed.value.items, retryAfterMs: maxOf(parsed.value.ttlMs, fetched.maxAgeMs) });
  }

  /** A feed at one of these addresses: the first that answers with something that parses. */
  async function firstFeed(urls: string[]): Promise<Result<SourceRead> | null> {
    for (const url of urls.slice(0, MAX_DISCOVERY_TRIES + COMMON_TRIES)) {
      const got = await fetcher.fetch(url, undefined, FEED_ACCEPT);
      if (!got.ok) {
        if (got.error.code === 'fetch/blocked-address' || got.error.code === 'fetch/timeout') return got;
        continue;
      }
      const text = decodeBody(got.value.body, got.value.contentType);
      if (!looksLikeFeed(text, got.value.contentType)) continue;
      const feed = asFeed(got.value, text);
      // The feed, not the page, is what to poll from now on.
      if (feed.ok) return ok({ ...feed.value, movedTo: got.value.url, etag: null, lastModified: null });
    }
    return null;
  }

  async function read(location: string, state?: SourceState): Promise<Result<SourceRead>> {
    const got = await fetcher.fetch(location, state);
    if (!got.ok) return got;
    const fetched = got.value;
    if (fetched.notModified) return ok({ ...readOf(fetched), title: null, items: [] });
    const text = decodeBody(fetched.body, fetched.contentType);
    if (!text.trim()) return fail('feed/empty', `${location} answered with an empty page.`);
    if (looksLikeFeed(text, fetched.contentType)) return asFeed(fetched, text);
    if (/^\s*[[{]/.test(text) || /\bjson\b/i.test(fetched.contentType ?? ''))
      return fail('feed/unparseable', `${location} is JSON but not a JSON Feed (it has no "version": "https://jsonfeed.org/version/1.1").`);

    const { isArticlePage } = await pageReader();
    let article: Result<SourceRead> | null | undefined;
    // Read once, when first needed: a front page whose feed is found never pays for the DOM.
    const page = async (): Promise<Result<SourceRead> | null> => {
      if (article !== undefined) return article;
      const item = await extract(text, baseOf(fetched));
      article = !item.ok ? item : item.value ? ok({ ...readOf(fetched), title: item.value.title ?? null, items: [item.value], page: true }) : null;
      return article;
    };
    if (isArticlePage(text)) return (await page()) ?? fail('feed/not-found', `I found no article text at ${location}.`);

    const atRoot = new URL(fetched.url).pathname.replace(/\/+$/, '') === '';
    if (!atRoot) {
      const found = await page();
      if (found && (!found.ok || (found.value.items[0] && !found.value.items[0].excerptOnly))) return found;
    }
    const announced = feedLinks(text, fetched.url);
    const discovered = await firstFeed(atRoot ? [...announced, ...commonFeedUrls(fetched.url)] : announced);
    if (discovered) return discovered;
    return (await page()) ?? fail('feed/not-found', `I found no feed and no article at ${location}. Give me the feed's own address (it often ends in /feed or /rss.xml).`);
  }

  async function expand(item: RawItem, feedLocation: string): Promise<RawItem> {
    // An item read from the page itself (a page given as a source) has no fuller page to go to.
    if (!item.excerptOnly || !item.url || item.url === feedLocation || !sameSite(item.url, feedLocation)) return item;
    const got = await fetcher.fetch(item.url, undefined, PAGE_ACCEPT);
    if (!got.ok || got.value.notModified) return item;
    const text = decodeBody(got.value.body, got.value.contentType);
    if (looksLikeFeed(text, got.value.contentType)) return item;
    const read = await extract(text, baseOf(got.value));
    const page = read.ok ? read.value : null;
    // The feed's title, link and id stay: they are what identifies the item. The text is the page's, and so is
    // the date when the feed gave none.
    if (!page || page.excerptOnly || page.text.length <= item.text.length) return item;
    return { ...item, text: page.text, author: item.author ?? page.author, publishedAt: item.publishedAt ?? page.publishedAt, image: page.image, excerptOnly: false };
  }

  return { read, expand, close: () => fetcher.close() };
}

/** A web source with its own fetcher. */
export function createWebSourceWith(options: Partial<FetcherOptions>, log?: Logger, readPage?: ReadPage): WebSource {
  return createWebSource(createFetcher(options), log, readPage);
}
