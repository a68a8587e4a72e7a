// Feed text (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1) into RawItems. feedsmith detects and
// parses the format (it never expands XML entities); this file adapts each format to one model, the way
// miniflux's adapters do: relative links resolved, HTML turned into text, dates normalized.
import { parseFeed } from 'feedsmith';
import { type Result, fail, ok } from '../../core/errors';
import type { RawItem } from '../../core/model';
import { parseDate } from '../dates';
import { htmlToText } from './html-text';

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** The site the feed belongs to, when it says. */
  siteUrl: string | null;
  items: RawItem[];
  /** How long the feed asks readers to wait between reads (RSS <ttl>, sy:updatePeriod), if it says. */
  ttlMs: number | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  const value = obj(v).value;
  return typeof value === 'string' ? value.trim() || null : null;
};

/** Below this many characters, a description with no full content is a teaser, not the article. */
const TEASER_CHARS = 500;
const MAX_ITEMS = 200;

const looksLikeHtml = (s: string) => /<[a-z!/][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.test(s);
const textOf = (v: string | null) => (v ? (looksLikeHtml(v) ? htmlToText(v) : v.trim()) : '');
const titleOf = (v: unknown) => textOf(str(v)).replace(/\s+/g, ' ') || null;

function resolveUrl(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Text of the full content if there is one, else the description; a lone short description is a teaser. */
function body(full: string | null, teaser: string | null): { text: string; excerptOnly: boolean } {
  const fullText = textOf(full);
  if (fullText) return { text: fullText, excerptOnly: false };
  const teaserText = textOf(teaser);
  return { text: teaserText, excerptOnly: teaserText.length < TEASER_CHARS };
}

const first = (...values: (string | null)[]) => values.find((v) => v) ?? null;
const authorName = (v: unknown) => str(v) ?? str(obj(v).name);

function rssItem(raw: unknown, base: string | null): RawItem {
  const i = obj(raw);
  const guid = obj(i.guid);
  const dc = obj(i.dc);
  const content = obj(i.content);
  const guidValue = str(guid.value) ?? str(i.guid);
  const link = resolveUrl(str(i.link), base) ?? (guid.isPermaLink !== false ? resolveUrl(guidValue, base) : null);
  return {
    guid: guidValue ?? str(obj(i.rdf).about),
    url: link,
    title: titleOf(i.title) ?? titleOf(arr(dc.titles)[0]),
    ...body(str(content.encoded), str(i.description)),
    publishedAt: parseDate(str(i.pubDate) ?? str(arr(dc.dates)[0]) ?? str(dc.date)),
    author: first(authorName(arr(i.authors)[0]), str(arr(dc.creators)[0]), str(dc.creator)),
  };
}

function atomItem(raw: unknown, feedBase: string | null): RawItem {
  const e = obj(raw);
  const base = resolveUrl(str(obj(e.xml).base), feedBase) ?? feedBase;
  const links = arr(e.links).map(obj);
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return {
    guid: str(e.id),
    url: resolveUrl(str(alternate?.href), base),
    title: titleOf(e.title),
    ...body(str(e.content), str(e.summary)),
    publishedAt: parseDate(str(e.published) ?? str(e.updated) ?? str(arr(obj(e.dc).dates)[0])),
    author: authorName(arr(e.authors)[0]),
  };
}

function jsonItem(raw: unknown, base: string | null): RawItem {
  const i = obj(raw);
  const html = str(i.content_html);
  return {
    guid: str(i.id),
    url: resolveUrl(str(i.url) ?? str(i.external_url), base),
    title: titleOf(i.title),
    ...body(html ?? str(i.content_text), str(i.summary)),
    publishedAt: parseDate(str(i.date_published) ?? str(i.date_modified)),
    author: authorName(arr(i.authors)[0] ?? i.author),
  };
}

/** Declared entities are refused outright: nothing legitimate in a feed needs them, and they are how bombs are built. */
const DECLARES_ENTITIES = /<!ENTITY/i;

/** Parses feed text fetched from `location` (the base for relative links). */
export function parseFeedText(text: string, location: string | null): Result<ParsedFeed> {
  const head = text.slice(0, 64 * 1024);
  if (DECLARES_ENTITIES.test(head)) return fail('feed/unparseable', 'This feed declares its own XML entities, which I do not expand; it cannot be read safely.');
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(text.trimStart()) as { format: string; feed: unknown };
  } catch {
    return fail('feed/unparseable', 'This is not a feed I can read (RSS, Atom, RDF or JSON Feed), or it is broken.');
  }
  const f = obj(parsed.feed);
  const format = parsed.format as ParsedFeed['format'];
  const docBase = resolveUrl(str(obj(f.xml).base), location) ?? location;
  let siteUrl: string | null;
  let items: RawItem[];
  if (format === 'atom') {
    const links = arr(f.links).map(obj);
    siteUrl = resolveUrl(str((links.find((l) => !l.rel || l.rel === 'alternate') ?? {}).href), docBase);
    items = arr(f.entries).slice(0, MAX_ITEMS).map((e) => atomItem(e, docBase));
  } else if (format === 'json') {
    siteUrl = resolveUrl(str(f.home_page_url), location);
    items = arr(f.items).slice(0, MAX_ITEMS).map((i) => jsonItem(i, location ?? siteUrl));
  } else {
    siteUrl = resolveUrl(str(f.link), location);
    // Relative item links are relative to the document; a feed fetched from nowhere falls back to its site.
    items = arr(f.items).slice(0, MAX_ITEMS).map((i) => rssItem(i, location ?? siteUrl));
  }
  return ok({
    format,
    title: titleOf(f.title),
    siteUrl,
    items: items.filter((item) => item.text || item.title),
    ttlMs: askedIntervalMs(f),
  });
}

const SY_PERIOD_MS: Record<string, number> = { hourly: 3_600_000, daily: 86_400_000, weekly: 7 * 86_400_000, monthly: 30 * 86_400_000, yearly: 365 * 86_400_000 };

/**
 * How often the feed says it changes: RSS `<ttl>` in minutes, or the syndication module's
 * `sy:updatePeriod` divided by `sy:updateFrequency` (RSS 1.0 feeds of blogs and journals); the longer when both.
 */
function askedIntervalMs(f: Record<string, unknown>): number | null {
  const ttl = Number(str(f.ttl));
  const ttlMs = Number.isFinite(ttl) && ttl > 0 ? ttl * 60_000 : null;
  const sy = obj(f.sy);
  const period = SY_PERIOD_MS[(str(sy.updatePeriod) ?? '').trim().toLowerCase()];
  const frequency = Number(sy.updateFrequency ?? 1);
  const syMs = period && Number.isFinite(frequency) && frequency >= 1 ? Math.round(period / frequency) : null;
  return ttlMs === null ? syMs : syMs === null ? ttlMs : Math.max(ttlMs, syMs);
}

/** Quick test of whether text might be a feed at all (so HTML pages go to the page reader instead). */
export function looksLikeFeed(text: string, contentType: string | null): boolean {
  const head = text.trimStart().slice(0, 1024);
  if (head.startsWith('{')) return text.includes('jsonfeed.org/version');
  if (/<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return true;
  if (/^<\?xml/i.test(head) && !/<html[\s>]/i.test(head)) return true;
  return /(rss|atom|rdf)\+xml|feed\+json/i.test(contentType ?? '');
}
