// The only doors out of the core. Everything with I/O implements one of these; app/ uses nothing else.
import type { Document } from './document';
import type { Result } from './errors';
import type { Article, ChatTarget, Feed, Follow, OutboxRow, QuotedPerson, RawItem, SaidQuote, Subscription, Summary } from './model';
import type { Person } from './people';
import type { SummarizeOptions } from './summarize';

export interface Clock {
  now(): Date;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** What reading a source gave: its items, or "not modified" with the validators to send next time. */
export interface SourceRead {
  title: string | null;
  items: RawItem[];
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Set when the source moved for good (301/308): the new location. */
  movedTo: string | null;
  /** The source asked not to be polled again for this long (ttl, Cache-Control, Retry-After), if it said. */
  retryAfterMs: number | null;
  /** True when the location is a web page read as one article, not a feed: it can be summarized, not followed. */
  page?: boolean;
}

export interface SourceState {
  etag: string | null;
  lastModified: string | null;
}

/** Reads a feed, a page or a local file/folder. Expected failures (timeouts, bad feeds, refused addresses) are values. */
export interface Source {
  read(location: string, state?: SourceState): Promise<Result<SourceRead>>;
  /**
   * The full article of a feed item that carries only a teaser, read from the item's page on the feed's own
   * site; the item unchanged (still excerptOnly) when there is no such page or it holds only a teaser too.
   */
  expand?(item: RawItem, feedLocation: string): Promise<RawItem>;
}

/**
 * The summarizer's CPU work, run away from the event loop where the runtime can (a pool of worker threads) or
 * in line. A text that runs over the work's time or memory limit rejects, with a message that says which.
 */
export interface TextWork {
  /** An article's text without its boilerplate lines, and the summary of that text. */
  article(text: string, title: string | null): Promise<{ text: string; summary: Summary }>;
  summarize(text: string, options?: SummarizeOptions): Promise<Summary>;
}

/** The outcome of one send; a sink never throws for a platform's answer. */
export type SendOutcome =
  | { kind: 'sent'; messageIds: string[] }
  /** Try again later; nothing visible was sent (or what was sent is recorded in `messageIds`). */
  | { kind: 'retry'; afterMs: number; reason: string }
  /** The chat is gone for us (blocked, kicked, deleted, no permission): end its subscription. */
  | { kind: 'gone'; reason: string }
  /** The chat has a new id (Telegram group → supergroup): move the subscription and resend. */
  | { kind: 'moved'; target: ChatTarget };

/**
 * Where a document sent in several messages stands: the parts an earlier attempt delivered, and how to record
 * each new one before the next is sent. A crash between two parts then resends neither.
 */
export interface PartProgress {
  /** Message ids of the parts already delivered, in order: sending resumes after them. */
  sent: readonly string[];
  /** Records the ids delivered so far; false when the work is no longer ours (stop sending). */
  record(messageIds: string[]): Promise<boolean>;
}

/**
 * Records part `index` of `total` just sent (the last part is recorded by whoever completes the delivery);
 * a retry outcome when the work is no longer ours and the sending must stop, else null.
 */
export async function recordPart(progress: PartProgress | undefined, ids: readonly string[], index: number, total: number): Promise<SendOutcome | null> {
  if (!progress || index >= total - 1 || (await progress.record([...ids]))) return null;
  return { kind: 'retry', afterMs: 1_000, reason: 'the delivery is no longer ours' };
}

/** A place taken in a shared send rate: released when the platform has answered the request it allowed. */
export interface RateSlot {
  release(): Promise<void>;
}

/**
 * A platform's send rate shared by every process that sends for one bot (Redis in queue mode), so N workers
 * together stay under it. A place counts against its window from the platform's answer (or from when it was
 * taken, while the request is out), so however late a request reaches the platform, no window on the
 * platform's clock holds more than `limit`. A single process keeps its rates in memory and needs none.
 */
export interface SharedRate {
  /** Takes a place in `key`'s window of `limit` sends per `windowMs`; when full, the wait in ms before asking again (nothing taken). */
  take(key: string, limit: number, windowMs: number): Promise<RateSlot | number>;
  close(): Promise<void>;
}

/** Waits for a place in a shared rate, asking again when the rate said a place may be free. */
export async function takeShared(rate: SharedRate, key: string, limit: number, windowMs: number, sleep: (ms: number) => Promise<void>): Promise<RateSlot> {
  for (;;) {
    const got = await rate.take(key, limit, windowMs);
    if (typeof got !== 'number') return got;
    await sleep(got);
  }
}

/** A platform's outgoing side. */
export interface Sink {
  readonly platform: string;
  /** Sends every part of the document, or (with `progress`) the parts not yet sent. */
  send(target: ChatTarget, doc: Document, progress?: PartProgress): Promise<SendOutcome>;
}

/** Who claims outbox rows, and before when a holder's last heartbeat means it is dead. */
export interface ClaimHolder {
  id: string;
  staleBefore: string;
}

/** Where a page of due subscriptions ended: the next page starts after it. */
export interface DueCursor {
  dueAt: string;
  id: string;
}

export interface DuePage {
  subscriptions: Subscription[];
  /** Null on the last page. */
  next: DueCursor | null;
}

/** Where to look for quotes: the articles of these feeds, or (null) every stored article. */
export type QuoteScope = readonly string[] | null;

/** People, their quotes and who follows them. */
export interface PeopleStore {
  /** The people indexed under these surname keys (what the resolver needs for a batch of mentions). */
  peopleWithKeys(keys: readonly string[]): Promise<Person[]>;
  /** The people with this alias or name (folded as `fold` does), or with one of these surname keys. */
  peopleNamed(alias: string, keys: readonly string[]): Promise<Person[]>;
  getPeople(ids: readonly string[]): Promise<Person[]>;
  /**
   * People last quoted after `since`, most quoted first; with a prefix, only those with a name form or a
   * surname key that starts with it (folded): what a misspelt name is matched against, and autocomplete.
   */
  suggestPeople(prefix: string, since: string, limit: number): Promise<Person[]>;
  /**
   * Stores the people an article's quotes resolved to and its quotes, in one transaction. A quote already
   * stored (same person, same words) gains the article as one more source instead of a second row.
   */
  saveQuotes(article: Article, people: readonly Person[], quotes: readonly { personId: string; text: string; cue: string | null }[]): Promise<void>;
  /** The latest quotes by a person in scope, newest first, each with all its sources in scope. */
  quotesBy(personId: string, scope: QuoteScope, options: { since?: string; limit: number }): Promise<SaidQuote[]>;
  /** Quotes by these people that first arrived in scope in (since, until], newest first. */
  quotesArrived(personIds: readonly string[], scope: QuoteScope, since: string, until: string, limit: number): Promise<SaidQuote[]>;
  /** The people quoted most in scope since this instant. */
  mostQuoted(since: string, limit: number, scope?: QuoteScope): Promise<QuotedPerson[]>;

  /** Starts following, or changes `alerts` of an existing follow (alerts turned on count from `now`). */
  follow(target: ChatTarget, personId: string, alerts: boolean, now: string): Promise<Follow>;
  /** False when the chat did not follow the person. */
  unfollow(target: ChatTarget, personId: string): Promise<boolean>;
  listFollows(target: ChatTarget): Promise<Follow[]>;
  /** Every follow that asked for alerts. */
  alertFollows(): Promise<Follow[]>;
  /** How many quote alerts went to the chat since this instant (the hourly cap). */
  alertsSince(target: ChatTarget, since: string): Promise<number>;
  /**
   * In one transaction: moves the follow's alert mark from `from` to `until` and inserts the alert's outbox
   * row. False (and nothing changed) when the mark is no longer `from` (another process sent it) or the row's
   * period exists.
   */
  enqueueAlert(follow: Follow, from: string, until: string, row: OutboxRow, quotes: number): Promise<boolean>;
}

export interface Store extends PeopleStore {
  close(): Promise<void>;

  // Feeds: one row per location; global feeds reach every chat, the rest reach the chats that added them.
  addFeed(url: string, owner: ChatTarget | null, title?: string | null): Promise<Feed>;
  /** Unlinks a chat's feed (or clears the global mark); returns false when it was not there. */
  removeFeed(url: string, owner: ChatTarget | null): Promise<boolean>;
  listFeeds(owner: ChatTarget | null): Promise<Feed[]>;
  /**
   * Adds these global feeds in one transaction, unless the one-time step `step` was recorded before; records it.
   * Returns whether the feeds were added (true once per database, however many processes start at once).
   */
  seedGlobalFeeds(step: string, urls: readonly string[]): Promise<boolean>;
  /** Every feed someone reads (global or linked to a chat), enabled or not. */
  listAllFeeds(): Promise<Feed[]>;
  /** Up to `limit` enabled feeds someone reads whose next poll time (or none yet) is at or before `now`; by index. */
  dueFeeds(now: string, limit: number): Promise<Feed[]>;
  getFeed(id: string): Promise<Feed | null>;
  /** The feed row of this URL, whoever reads it; null when there is none. */
  findFeed(url: string): Promise<Feed | null>;
  updateFeed(id: string, patch: Partial<Omit<Feed, 'id' | 'createdAt'>>): Promise<void>;
  /** The ids of the feeds each of these chats added (not the global ones), in the order of `targets`. */
  chatFeedIds(targets: ChatTarget[]): Promise<string[][]>;
  /** The chats that added this feed (to tell them when it breaks). */
  feedOwners(feedId: string): Promise<ChatTarget[]>;

  // Attempts at work that may fail or crash the process (summarizing an item, reading a feed), keyed by the work.
  /**
   * Counts one more attempt before the work starts, so that a crash during it is counted too. Returns the
   * attempts made before this one, and whether the work is quarantined (skipped from now on).
   */
  beginAttempt(key: string, feedId: string | null, now: string): Promise<{ prior: number; quarantined: boolean }>;
  /** The work succeeded (or is settled another way): its attempts are forgotten. */
  endAttempt(key: string): Promise<void>;
  /**
   * The work failed: keeps why, and with `quarantine` marks it skipped from now on. Returns true only for the
   * call that quarantined it, so that its chats are told once.
   */
  failAttempt(key: string, error: string, quarantine: boolean, now: string): Promise<boolean>;

  // Articles.
  /** Saves an article unless one with its id exists; returns whether it was new. Links the article to the feed either way. */
  saveArticle(article: Article): Promise<boolean>;
  getArticles(ids: string[]): Promise<Article[]>;
  /** Which of these ids are stored already (so known items are not summarized again). */
  existingArticleIds(ids: string[]): Promise<Set<string>>;
  /** Articles from these feeds that arrived in (since, until], oldest first. */
  articlesArrived(feedIds: string[], since: string, until: string): Promise<Article[]>;
  /**
   * The highest article ingest sequence number stored (0 when none). Numbers become visible in order: every
   * article up to it is stored, so a window that ends at it never passes over one still being written.
   */
  latestArticleSeq(): Promise<number>;
  /** Articles from these feeds with a sequence number up to `uptoSeq`, after a number (or arrived after an instant), in sequence order. */
  articlesUpTo(feedIds: string[], uptoSeq: number, after: { seq: number } | { ingestedAfter: string }): Promise<Article[]>;
  /**
   * Id, story, fingerprint and publication time of articles that arrived since this instant: the candidates for
   * story grouping.
   * Yielded one by one (row by row where the database can), so that two days of articles are never all held
   * as rows at once.
   */
  recentFingerprints(since: string): AsyncIterable<{ id: string; storyId: string; fingerprint: string; publishedAt: string }>;

  // Subscriptions: one per chat target.
  getSubscription(target: ChatTarget): Promise<Subscription | null>;
  getSubscriptionById(id: string): Promise<Subscription | null>;
  /** Every subscription: for tools and tests. The scheduler reads dueSubscriptions. */
  listSubscriptions(): Promise<Subscription[]>;
  /** Saves a subscription and recomputes when its next digest is due (core/schedule/due nextDueAt). */
  saveSubscription(subscription: Subscription): Promise<void>;
  /**
   * Up to `limit` active subscriptions whose next digest was due at or before `now`, in due order from `after`
   * (the `next` of the page before); found by index, so a tick with nothing due reads no subscription row.
   */
  dueSubscriptions(now: string, limit: number, after?: DueCursor): Promise<DuePage>;
  /** Moves a due subscription's next due instant on (nothing to build now), unless it changed meanwhile and is no longer due at `now`. */
  deferSubscription(id: string, now: string, nextDueAt: string | null): Promise<void>;
  /** A chat's subscriptions, its forum topics' included. */
  chatSubscriptions(platform: string, chatId: string): Promise<Subscription[]>;

  // Outbox.
  /**
   * In one transaction: insert the row unless the subscription already has one for its period, and move the
   * subscription's coveredUntil mark and its coveredSeq (null: leave them, as an on-demand digest does), and
   * with them its next due instant. Returns false (and changes nothing) when the period was already built.
   */
  enqueueDigest(row: OutboxRow, coveredUntil: string | null, coveredSeq?: number): Promise<boolean>;
  // (coveredUntil only ever moves forward, here and in saveSubscription: a stale copy of a subscription saved
  // by a command never re-opens a window a digest already covered.)
  /**
   * Leases up to `limit` pending rows available at `now` for `leaseMs`; a row is leased to one caller only.
   * With a holder, the rows are marked as its, and rows held by a holder whose last heartbeat is not after
   * `staleBefore` are taken back at once, whatever their lease says.
   */
  claimDeliveries(now: string, limit: number, leaseMs: number, holder?: ClaimHolder): Promise<OutboxRow[]>;
  /** Records that this holder (one process) is alive at `now`. */
  heartbeat(holder: string, now: string): Promise<void>;
  /** Forgets a holder that stopped cleanly. */
  endHeartbeat(holder: string): Promise<void>;
  /** Makes every pending row this holder claimed claimable at `now` (a restarted process taking back its own); returns how many. */
  releaseHolder(holder: string, now: string): Promise<number>;
  completeDelivery(id: string, messageIds: string[], sentAt: string): Promise<void>;
  /**
   * Records the parts of a leased row sent so far; false (and no change) when `leasedUntil` is no longer the
   * row's lease, i.e. it ran out and another worker may hold the row.
   */
  recordDeliveryParts(id: string, leasedUntil: string, messageIds: string[]): Promise<boolean>;
  /**
   * Gives a leased row back at once (claimable again at `now`), e.g. when the process stops before sending it.
   * `leasedUntil` is the lease the caller holds (the row's availableAt as claimed): a lease that already ran out
   * and went to another worker is left alone.
   */
  releaseDelivery(id: string, leasedUntil: string, now: string): Promise<void>;
  /** Whether the subscription's digest for this period was built already (whatever became of it). */
  hasDigestPeriod(subscriptionId: string, periodKey: string): Promise<boolean>;
  retryDelivery(id: string, availableAt: string, error: string): Promise<void>;
  dropDelivery(id: string, reason: string): Promise<void>;
  /** Points pending rows and the subscription of one chat at its new id. */
  moveTarget(from: ChatTarget, to: ChatTarget): Promise<void>;
  listDeliveries(subscriptionId?: string): Promise<OutboxRow[]>;
}

/** The kinds of shared work in queue mode: the scheduler's tick, reading one feed, building one shard of the due digests, draining the outbox. */
export type JobKind = 'tick' | 'poll' | 'build' | 'deliver';

/** How many jobs of each kind wait, run, or wait for a retry. */
export type QueueDepth = Record<JobKind, { waiting: number; active: number; delayed: number; failed: number }>;

/**
 * Work shared by several processes (BullMQ when REDIS_URL is set). A job runs at least once, so every handler
 * is idempotent; a failed handler is retried with backoff, and a job that keeps failing is kept for inspection.
 */
export interface Queue {
  /** Adds a job; while a job with the same `key` waits or runs, adding another is a no-op. */
  add(kind: JobKind, data: Record<string, string>, key?: string): Promise<void>;
  /** Runs `kind` every `everyMs`, once per interval however many processes ask for it; asking again is a no-op. */
  every(kind: JobKind, everyMs: number): Promise<void>;
  /** Takes jobs of this kind in this process, up to `concurrency` at once, until close(). */
  process(kind: JobKind, concurrency: number, handler: (data: Record<string, string>) => Promise<void>): void;
  depth(): Promise<QueueDepth>;
  /** When a job of this kind last finished well (ms since the epoch), in any process; null when none has yet. */
  lastDone(kind: JobKind): Promise<number | null>;
  /** True when the queue's server answers. */
  ping(): Promise<boolean>;
  /** Stops taking jobs, lets running ones finish, and disconnects. */
  close(): Promise<void>;
}
