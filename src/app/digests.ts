// Building digests: scheduled ones go through the outbox with the "covered up to" mark in one transaction;
// on-demand ones use the same builder and leave the schedule's window alone.
import { randomUUID } from 'node:crypto';
import type { ChatTarget, Digest, OutboxRow, OutboxStatus, Subscription } from '../core/model';
import type { Clock, DueCursor, Logger, Store } from '../core/ports';
import { buildDigest } from '../core/digest/build';
import { DEFAULT_GRACE_MS, dueAfter, dueDigest } from '../core/schedule/due';
import { saidSince } from './follows';

export interface DigestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** How late a missed digest may still be sent after downtime. */
  graceMs?: number;
  /** Words a story's summary may use in a digest (config/defaults.json `digest.summaryWords`). */
  summaryWords?: number;
}

/** Due subscriptions read at once: a page of them is built before the next is read. */
const DUE_PAGE = 500;

const DAY_MS = 86_400_000;

/**
 * Quote alerts (./follows.ts) still cover quotes by the time they were stored, so they end this long before
 * now; digests cover articles by sequence number and need no margin.
 */
export const DEFAULT_SETTLE_MS = 2 * 60_000;

/** Global feeds plus the chat's own. */
export async function feedIdsFor(store: Store, target: ChatTarget): Promise<string[]> {
  const [global, own] = await Promise.all([store.listFeeds(null), store.listFeeds(target)]);
  return [...new Set([...global, ...own].map((f) => f.id))];
}

async function digestFor(deps: DigestDeps, sub: Subscription, since: string, until: string, now: string): Promise<Digest> {
  const { store, summaryWords } = deps;
  const articles = await store.articlesArrived(await feedIdsFor(store, sub.target), since, until);
  return buildDigest(articles, { timezone: sub.timezone, since, until, now, topics: sub.topics, maxStories: sub.maxStories, quotes: sub.quotes, summaryWords });
}

/**
 * Writes one outbox row for every subscription whose time has come. Safe to run from several processes at
 * once and again after a crash: the (subscription, local date) key makes a second build of a period a no-op,
 * and the row, the subscription's "covered up to" mark and its next due instant are written in one
 * transaction, so a crash leaves either all or none. Only the due subscriptions are read (by index), a page
 * at a time, and chats of a page that read the same feeds with the same settings over the same window share
 * one built digest.
 */
export async function buildDueDigests(
  deps: DigestDeps,
  options: { signal?: AbortSignal; /** Only these subscriptions (one shard of them, in queue mode). */ only?: (sub: Subscription) => boolean } = {},
): Promise<number> {
  let built = 0;
  const now = deps.clock.now().toISOString();
  for (let after: DueCursor | undefined; ; ) {
    const page = await deps.store.dueSubscriptions(now, DUE_PAGE, after);
    const subs = options.only ? page.subscriptions.filter(options.only) : page.subscriptions;
    if (subs.length) {
      const shared = await sharedBuilds(deps, subs);
      for (const sub of subs) {
        if (options.signal?.aborted) return built;
        try {
          if (await buildOne(deps, sub, shared)) built++;
        } catch (err) {
          // One broken subscription (a zone the runtime no longer knows, a bad row) must not stop the others.
          deps.log.error({ err, subscription: sub.id }, 'building a digest failed; retrying at the next tick');
        }
      }
    }
    if (!page.next) return built;
    after = page.next;
  }
}

/** What the subscriptions of one page share: the window's end, every chat's feeds, and the digests built so far. */
interface SharedBuilds {
  uptoSeq: number;
  feedIds: Map<string, string[]>;
  digests: Map<string, Promise<Digest>>;
}

async function sharedBuilds(deps: DigestDeps, subs: Subscription[]): Promise<SharedBuilds> {
  // The window ends at the highest article sequence number stored now: every article up to it is committed,
  // so nothing still being written is passed over, and no margin is needed.
  const uptoSeq = await deps.store.latestArticleSeq();
  const [global, own] = await Promise.all([deps.store.listFeeds(null), deps.store.chatFeedIds(subs.map((s) => s.target))]);
  const feedIds = new Map(subs.map((s, i) => [s.id, [...new Set([...global.map((f) => f.id), ...own[i]!])].sort()]));
  return { uptoSeq, feedIds, digests: new Map() };
}

async function buildOne(deps: DigestDeps, sub: Subscription, shared: SharedBuilds): Promise<boolean> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const due = dueDigest(sub, now.getTime(), deps.graceMs ?? DEFAULT_GRACE_MS);
  // Due by its stored instant but nothing to build: missed beyond the grace period, or this local date was
  // built already (the time or zone changed after today's digest went out: one digest per local day).
  if (!due || (await deps.store.hasDigestPeriod(sub.id, due.periodKey))) {
    await deps.store.deferSubscription(sub.id, nowIso, dueAfter(sub, now.getTime()));
    return false;
  }
  const { uptoSeq } = shared;
  const since = sub.coveredUntil ?? new Date(now.getTime() - DAY_MS).toISOString();
  const after = sub.coveredSeq !== undefined ? { seq: sub.coveredSeq } : { ingestedAfter: since };
  const feedIds = shared.feedIds.get(sub.id) ?? [];
  // Everything the digest depends on: chats alike in all of it get the same digest, built once.
  const key = JSON.stringify([feedIds, after, since, sub.topics, sub.maxStories, sub.quotes, sub.timezone]);
  let digest = shared.digests.get(key);
  if (!digest) {
    digest = deps.store
      .articlesUpTo(feedIds, uptoSeq, after)
      .then((articles) => buildDigest(articles, { timezone: sub.timezone, since, until: nowIso, now: nowIso, topics: sub.topics, maxStories: sub.maxStories, quotes: sub.quotes, summaryWords: deps.summaryWords }));
    shared.digests.set(key, digest);
    digest.catch(() => shared.digests.delete(key)); // the next chat alike tries again
  }
  return enqueue(deps, sub, due.periodKey, await digest, nowIso, uptoSeq);
}

async function enqueue(deps: DigestDeps, sub: Subscription, periodKey: string, built: Digest, nowIso: string, uptoSeq: number): Promise<boolean> {
  // What the people this chat follows said in the window: the chat's own, so never shared.
  const said = await saidSince(deps.store, sub, sub.coveredUntil ?? built.since, nowIso);
  const digest = said.length ? { ...built, said } : built;
  // Nothing to say and the chat asked for silence: the period is still recorded (as skipped), so the
  // window moves on and the next digest does not repeat it.
  const silent = !digest.entries.length && !said.length && !sub.sendEmpty;
  const row = outboxRow(sub, periodKey, digest, nowIso, silent ? 'skipped' : 'pending');
  const fresh = await deps.store.enqueueDigest(row, nowIso, uptoSeq);
  if (fresh) deps.log.info({ subscription: sub.id, period: periodKey, stories: digest.entries.length, silent }, 'digest built');
  return fresh && !silent;
}

/** How far back an on-demand digest looks when the last day brought nothing. */
const ON_DEMAND_FALLBACK_MS = 7 * DAY_MS;

/**
 * The digest a chat asks for now: the last 24 hours of its feeds; if that is empty, the past week's. Older
 * articles (the sample story stored at the first start, say) are in no digest any more. It is built like a
 * scheduled one but never touches the outbox or the subscription's window.
 */
export async function onDemandDigest(deps: DigestDeps, sub: Subscription): Promise<Digest> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const digest = await digestFor(deps, sub, new Date(now.getTime() - DAY_MS).toISOString(), nowIso, nowIso);
  if (digest.entries.length) return digest;
  return digestFor(deps, sub, new Date(now.getTime() - ON_DEMAND_FALLBACK_MS).toISOString(), nowIso, nowIso);
}

/** A new outbox row for one period of a subscription: sent by the delivery job, exactly once per period key. */
export function outboxRow(sub: Subscription, periodKey: string, digest: Digest, nowIso: string, status: OutboxStatus = 'pending'): OutboxRow {
  return {
    id: randomUUID(),
    subscriptionId: sub.id,
    periodKey,
    target: sub.target,
    digest,
    status,
    attempts: 0,
    availableAt: nowIso,
    messageIds: [],
    lastError: null,
    createdAt: nowIso,
    sentAt: null,
  };
}
