// Feed text (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1) into RawItems. feedsmith detects and
// parses the format (it never expands XML entities); this file adapts each format to one model, the way
// miniflux's adapters do: relative links resolved, HTML turned into text, dates normalized, and the Dublin Core,
// iTunes and Media RSS elements used where the core ones are missing. A feed the strict parse refuses gets a
// second, lenient one (see repair.ts) before it is refused.
import { parseFeed } from 'feedsmith';
import { type Result, fail, ok } from '../../core/errors';
import type { RawItem } from '../../core/model';
import { parseDate } from '../dates';
import { htmlToText } from './html-text';
import { decodeBase64Elements, repaired } from './repair';

/** Something about a feed worth one log line: what was read differently from what the feed said. */
export type FeedNote =
  | { kind: 'unreadable-dates'; raw: string; count: number }
  | { kind: 'items-capped'; total: number; kept: number }
  | { kind: 'repaired' };

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** The site the feed belongs to, when it says. */
  siteUrl: string | null;
  items: RawItem[];
  /** How long the feed asks readers to wait between reads (RSS <ttl>, sy:updatePeriod), if it says. */
  ttlMs: number | null;
  notes: FeedNote[];
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
/** Items kept from one read (newest first in nearly every feed); a note says when a feed had more. */
export const MAX_ITEMS = 200;

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

/** Dates a feed wrote but no reader could read: counted for one note per feed, with the first as it was written. */
class DateLog {
  raw: string | null = null;
  count = 0;

  /** The first readable date among the candidates, in order; an unreadable one present is remembered. */
  read(...candidates: unknown[]): string | null {
    let unreadable: string | null = null;
    for (const candidate of candidates) {
      const raw = str(candidate);
      if (!raw) continue;
      const date = parseDate(raw);
      if (date) return date;
      unreadable ??= raw;
    }
    if (unreadable !== null) {
      this.raw ??= unreadable;
      this.count++;
    }
    return null;
  }
}

/** Text of the full content if there is one, else the first description there is; a lone short description is a teaser. */
function body(full: string | null, ...teasers: (string | null)[]): { text: string; excerptOnly: boolean } {
  const fullText = textOf(full);
  if (fullText) return { text: fullText, excerptOnly: false };
  const teaserText = teasers.map(textOf).find(Boolean) ?? '';
  return { text: teaserText, excerptOnly: teaserText.length < TEASER_CHARS };
}

const first = (...values: (string | null)[]) => values.find((v) => v) ?? null;
const authorName = (v: unknown) => str(v) ?? str(obj(v).name);

/** A Media RSS title or description: the item's own, else its group's or first content's. */
function mediaText(media: Obj, key: 'title' | 'description'): string | null {
  return str(media[key]) ?? str(obj(arr(media.groups)[0])[key]) ?? str(obj(arr(media.contents)[0])[key]);
}

function rssItem(raw: unknown, base: string | null, dates: DateLog): RawItem {
  const i = obj(raw);
  const guid = obj(i.guid);
  const dc = obj(i.dc);
  const dcterms = obj(i.dcterms);
  const media = obj(i.media);
  const content = obj(i.content);
  const guidValue = str(guid.value) ?? str(i.guid);
  const link = resolveUrl(str(i.link), base) ?? (guid.isPermaLink !== false ? resolveUrl(guidValue, base) : null);
  return {
    guid: guidValue ?? str(obj(i.rdf).about),
    url: link,
    title: titleOf(i.title) ?? titleOf(arr(dc.titles)[0]) ?? titleOf(mediaText(media, 'title')),
    ...body(str(content.encoded), str(i.description), str(obj(i.itunes).summary), str(arr(dc.descriptions)[0]), mediaText(media, 'description')),
    publishedAt: dates.read(i.pubDate, arr(dc.dates)[0], dc.date, arr(dcterms.issued)[0], arr(dcterms.created)[0], arr(dcterms.modified)[0]),
    author: first(authorName(arr(i.authors)[0]), str(arr(dc.creators)[0]), str(dc.creator), str(obj(i.itunes).author)),
  };
}

function atomItem(raw: unknown, feedBase: string | null, dates: DateLog): RawItem {
  const e = obj(raw);
  const base = resolveUrl(str(obj(e.xml).base), feedBase) ?? feedBase;
  const links = arr(e.links).map(obj);
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  const dcterms = obj(e.dcterms);
  const media = obj(e.media);
  return {
    guid: str(e.id),
    url: resolveUrl(str(alternate?.href), base),
    title: titleOf(e.title) ?? titleOf(arr(obj(e.dc).titles)[0]) ?? titleOf(mediaText(media, 'title')),
    ...body(str(e.content), str(e.summary), str(arr(obj(e.dc).descriptions)[0]), mediaText(media, 'description')),
    publishedAt: dates.read(e.published, e.updated, arr(obj(e.dc).dates)[0], arr(dcterms.issued)[0], arr(dcterms.created)[0], arr(dcterms.modified)[0]),
    author: authorName(arr(e.authors)[0]),
  };
}

function jsonItem(raw: unknown, base: string | null, dates: DateLog): RawItem {
  const i = obj(raw);
  const html = str(i.content_html);
  return {
    guid: str(i.id),
    url: resolveUrl(str(i.url) ?? str(i.external_url), base),
    title: titleOf(i.title),
    ...body(html ?? str(i.content_text), str(i.summary)),
    publishedAt: dates.read(i.date_published, i.date_modified),
    author: authorName(arr(i.authors)[0] ?? i.author),
  };
}

/** Declared entities are refused outright: nothing legitimate in a feed needs them, and they are how bombs are built. */
const DECLARES_ENTITIES = /<!ENTITY/i;

/** feedsmith's own result: the detected format beside the feed it read. */
type Parsed = ReturnType<typeof parseFeed>;

/** The strict parse, then (when it refuses) a parse of the mended text; null when neither reads. */
function parseLeniently(text: string): { parsed: Parsed; repaired: boolean } | null {
  try {
    return { parsed: parseFeed(text), repaired: false };
  } catch {
    const mended = repaired(text);
    if (mended === null) return null;
    try {
      return { parsed: parseFeed(mended), repaired: true };
    } catch {
      return null;
    }
  }
}

/** Parses feed text fetched from `location` (the base for relative links). */
export function parseFeedText(text: string, location: string | null): Result<ParsedFeed> {
  const head = text.slice(0, 64 * 1024);
  if (DECLARES_ENTITIES.test(head)) return fail('feed/unparseable', 'This feed declares its own XML entities, which I do not expand; it cannot be read safely.');
  const read = parseLeniently(decodeBase64Elements(text.trimStart()));
  if (!read) return fail('feed/unparseable', 'This is not a feed I can read (RSS, Atom, RDF or JSON Feed), or it is broken.');
  const f = obj(read.parsed.feed);
  const format: ParsedFeed['format'] = read.parsed.format;
  const docBase = resolveUrl(str(obj(f.xml).base), location) ?? location;
  const dates = new DateLog();
  let siteUrl: string | null;
  let listed: unknown[];
  let adapt: (raw: unknown) => RawItem;
  if (format === 'atom') {
    const links = arr(f.links).map(obj);
    siteUrl = resolveUrl(str((links.find((l) => !l.rel || l.rel === 'alternate') ?? {}).href), docBase);
    listed = arr(f.entries);
    adapt = (e) => atomItem(e, docBase, dates);
  } else if (format === 'json') {
    siteUrl = resolveUrl(str(f.home_page_url), location);
    listed = arr(f.items);
    adapt = (i) => jsonItem(i, location ?? siteUrl, dates);
  } else {
    siteUrl = resolveUrl(str(f.link), location);
    listed = arr(f.items);
    // Relative item links are relative to the document; a feed fetched from nowhere falls back to its site.
    adapt = (i) => rssItem(i, location ?? siteUrl, dates);
  }
  const items = listed.slice(0, MAX_ITEMS).map(adapt);
  const notes: FeedNote[] = [];
  if (read.repaired) notes.push({ kind: 'repaired' });
  if (listed.length > MAX_ITEMS) notes.push({ kind: 'items-capped', total: listed.length, kept: MAX_ITEMS });
  if (dates.raw !== null) notes.push({ kind: 'unreadable-dates', raw: dates.raw, count: dates.count });
  return ok({
    format,
    title: titleOf(f.title) ?? titleOf(arr(obj(f.dc).titles)[0]),
    siteUrl,
    items: items.filter((item) => item.text || item.title),
    ttlMs: askedIntervalMs(f),
    notes,
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
  if (/<(?:[\w.-]+:)?(rss|feed|RDF)[\s>]/i.test(head)) return true;
  if (/^<\?xml/i.test(head) && !/<html[\s>]/i.test(head)) return true;
  return /(rss|atom|rdf)\+xml|feed\+json/i.test(contentType ?? '');
}
