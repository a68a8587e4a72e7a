// Building digests: scheduled ones go through the outbox with the "covered up to" mark in one transaction;
// on-demand ones use the same builder and leave the schedule's window alone.
import { randomUUID } from 'node:crypto';
import type { ChatTarget, Digest, OutboxRow, OutboxStatus, Subscription } from '../core/model';
import type { Clock, Logger, Store } from '../core/ports';
import { buildDigest } from '../core/digest/build';
import { DEFAULT_GRACE_MS, dueDigest } from '../core/schedule/due';
import { saidSince } from './follows';

export interface DigestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** How late a missed digest may still be sent after downtime. */
  graceMs?: number;
  /**
   * A scheduled digest covers articles up to this long before it is built. Ingestion stamps a batch with the
   * instant it began and commits it later; without the margin, a batch still being written as the window
   * closes would fall behind the "covered up to" mark and never reach a digest. It reaches the next one.
   */
  settleMs?: number;
  /** Words a story's summary may use in a digest (config/defaults.json `digest.summaryWords`). */
  summaryWords?: number;
}

export const DEFAULT_SETTLE_MS = 2 * 60_000;

const DAY_MS = 86_400_000;

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
 * and the row and the subscription's "covered up to" mark are written in one transaction, so a crash leaves
 * either both or neither.
 */
export async function buildDueDigests(
  deps: DigestDeps,
  options: { signal?: AbortSignal; /** Only these subscriptions (one shard of them, in queue mode). */ only?: (sub: Subscription) => boolean } = {},
): Promise<number> {
  let built = 0;
  for (const sub of await deps.store.listSubscriptions()) {
    if (options.signal?.aborted) break;
    if (options.only && !options.only(sub)) continue;
    try {
      if (await buildOne(deps, sub)) built++;
    } catch (err) {
      // One broken subscription (a zone the runtime no longer knows, a bad row) must not stop the others.
      deps.log.error({ err, subscription: sub.id }, 'building a digest failed; retrying at the next tick');
    }
  }
  return built;
}

async function buildOne(deps: DigestDeps, sub: Subscription): Promise<boolean> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const settleMs = deps.settleMs ?? DEFAULT_SETTLE_MS;
  const due = dueDigest(sub, now.getTime(), deps.graceMs ?? DEFAULT_GRACE_MS, settleMs);
  if (!due) return false;
  // Already built for this local date (e.g. the time or zone changed after today's digest went out):
  // one digest per local day, and no rebuild every minute until the grace period ends.
  if (await deps.store.hasDigestPeriod(sub.id, due.periodKey)) return false;
  const until = new Date(now.getTime() - settleMs).toISOString();
  const since = sub.coveredUntil ?? new Date(Date.parse(until) - DAY_MS).toISOString();
  const built = await digestFor(deps, sub, since, until, nowIso);
  const said = await saidSince(deps.store, sub, since, until);
  const digest = said.length ? { ...built, said } : built;
  // Nothing to say and the chat asked for silence: the period is still recorded (as skipped), so the
  // window moves on and the next digest does not repeat it.
  const silent = !digest.entries.length && !said.length && !sub.sendEmpty;
  const row = outboxRow(sub, due.periodKey, digest, nowIso, silent ? 'skipped' : 'pending');
  const fresh = await deps.store.enqueueDigest(row, until);
  if (fresh) deps.log.info({ subscription: sub.id, period: due.periodKey, stories: digest.entries.length, silent }, 'digest built');
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
