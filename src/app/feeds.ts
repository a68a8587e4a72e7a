// Feeds: one use case for the operator's global sources (`tidings feeds`) and a chat's own (`/feeds`), so both
// refuse the same things and a feed is read once when it is added.
import { type Result, fail, ok } from '../core/errors';
import { DEFAULT_MAX_FEEDS_PER_CHAT } from '../core/commands';
import type { ChatTarget, Feed } from '../core/model';
import type { Store } from '../core/ports';
import { canonicalUrl } from '../core/stories/identity';
import { type IngestDeps, ingestFeed } from './ingest';

/** Whose feeds: a chat's, or (null) the operator's global sources that reach every chat. */
export type FeedOwner = ChatTarget | null;

/** The one-time step under which config/defaults.json's sources are added to a new database. */
const DEFAULT_SOURCES_STEP = 'default-sources';

export interface FeedsDeps extends IngestDeps {
  maxFeedsPerChat?: number;
}

export interface AddedFeed {
  feed: Feed;
  /** The address asked for, when the feed lives elsewhere (a site's address leads to its feed); else null. */
  from: string | null;
  /** A paused feed added again: read successfully, it is polled again. */
  resumed: boolean;
}

/**
 * Adds the default sources the first time a database is used. Removing one later is final: the next start
 * does not bring it back.
 */
export const seedDefaultSources = (store: Store, locations: readonly string[]): Promise<boolean> => store.seedGlobalFeeds(DEFAULT_SOURCES_STEP, locations);

export const listFeeds = (deps: Pick<FeedsDeps, 'store'>, owner: FeedOwner): Promise<Feed[]> => deps.store.listFeeds(owner);

const whose = (owner: FeedOwner) => (owner ? 'this chat’s feeds' : 'the global sources');

/**
 * Reads the location once, refuses what is not a feed, stores the feed and its current articles from that one
 * read. A chat gives http(s) addresses only; the operator may also give a local file or folder.
 */
export async function addFeed(deps: FeedsDeps, owner: FeedOwner, raw: string): Promise<Result<AddedFeed>> {
  const location = canonicalUrl(raw) ?? (owner === null && raw.trim() && !/^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) ? raw.trim() : null);
  if (!location) return fail('input/not-a-url', `“${raw.trim().slice(0, 80) || '(nothing)'}” is not a web address.`, {}, 'A feed’s address looks like https://example.org/feed.xml');
  const list = await deps.store.listFeeds(owner);
  const known = (url: string) => list.find((f) => f.url === url);
  const already = (f: Feed) => fail('feed/already-added', `${f.title ?? f.url} is already one of ${whose(owner)}.`, { url: f.url });
  const before = known(location);
  if (before?.enabled) return already(before);
  const max = deps.maxFeedsPerChat ?? DEFAULT_MAX_FEEDS_PER_CHAT;
  if (owner && !before && list.length >= max) return fail('feed/limit', `This chat already has ${list.length} feeds, the most a chat can have (${max}).`, {}, 'Remove one with /feeds remove N, then add this one.');
  const read = await deps.source.read(location);
  if (!read.ok) return read;
  if (read.value.page)
    return fail('feed/not-a-feed', `${location} is a web page, not a feed.`, {}, 'Give the site’s feed instead (its address often ends in /feed or /rss.xml); the page itself can still be summarized.');
  const url = read.value.movedTo ?? location;
  const moved = url !== location ? known(url) : undefined;
  if (moved?.enabled) return already(moved);
  const feed = await deps.store.addFeed(url, owner, read.value.title);
  // The read above is the feed's first poll: its articles reach the next digest without a second download.
  const ingested = await ingestFeed(deps, feed, { read: read.value });
  if (!ingested.ok) deps.log.warn({ feed: url, code: ingested.error.code }, 'a new feed could not be stored');
  return ok({ feed, from: url === location ? null : location, resumed: Boolean(before ?? moved) });
}

/** Removes a feed named by its address or (for a chat) its number in the list. */
export async function removeFeed(deps: Pick<FeedsDeps, 'store'>, owner: FeedOwner, raw: string): Promise<Result<Feed>> {
  const list = await deps.store.listFeeds(owner);
  const arg = raw.trim();
  const feed = /^\d+$/.test(arg) ? list[Number(arg) - 1] : list.find((f) => f.url === (canonicalUrl(arg) ?? arg));
  if (!feed || !(await deps.store.removeFeed(feed.url, owner)))
    return fail('feed/unknown', `${arg || '(nothing)'} is not one of ${whose(owner)}.`, {}, owner ? 'Send /feeds to see the list, then /feeds remove N or /feeds remove URL.' : 'tidings feeds list shows them.');
  return ok(feed);
}

/** Adds feeds named in a list (an OPML file) without reading them: the poller reads each in its turn. */
export async function importFeeds(deps: Pick<FeedsDeps, 'store'>, owner: FeedOwner, feeds: readonly { url: string; title: string | null }[]): Promise<number> {
  for (const f of feeds) await deps.store.addFeed(f.url, owner, f.title);
  return feeds.length;
}
