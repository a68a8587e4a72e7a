// Building digests: scheduled ones go through the outbox with the "covered up to" mark in one transaction;
// on-demand ones use the same builder and leave the schedule's window alone.
import { randomUUID } from 'node:crypto';
import type { ChatTarget, Digest, Subscription } from '../core/model';
import type { Clock, Logger, Store } from '../core/ports';
import { buildDigest } from '../core/digest/build';
import { DEFAULT_GRACE_MS, dueDigest } from '../core/schedule/due';

export interface DigestDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  /** How late a missed digest may still be sent after downtime. */
  graceMs?: number;
}

const DAY_MS = 86_400_000;

/** Global feeds plus the chat's own. */
export async function feedIdsFor(store: Store, target: ChatTarget): Promise<string[]> {
  const [global, own] = await Promise.all([store.listFeeds(null), store.listFeeds(target)]);
  return [...new Set([...global, ...own].map((f) => f.id))];
}

async function digestFor(store: Store, sub: Subscription, since: string, until: string, now: string): Promise<Digest> {
  const articles = await store.articlesArrived(await feedIdsFor(store, sub.target), since, until);
  return buildDigest(articles, { timezone: sub.timezone, since, until, now, topics: sub.topics, maxStories: sub.maxStories, quotes: sub.quotes });
}

/**
 * Writes one outbox row for every subscription whose time has come. Safe to run from several processes at
 * once and again after a crash: the (subscription, local date) key makes a second build of a period a no-op.
 */
export async function buildDueDigests(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  let built = 0;
  for (const sub of await deps.store.listSubscriptions()) {
    const due = dueDigest(sub, now.getTime(), deps.graceMs ?? DEFAULT_GRACE_MS);
    if (!due) continue;
    const since = sub.coveredUntil ?? new Date(now.getTime() - DAY_MS).toISOString();
    const digest = await digestFor(deps.store, sub, since, nowIso, nowIso);
    if (!digest.entries.length && !sub.sendEmpty) {
      // Nothing to say and the chat asked for silence: still mark the period as covered, once.
      await deps.store.saveSubscription({ ...sub, coveredUntil: nowIso });
      continue;
    }
    const fresh = await deps.store.enqueueDigest(
      {
        id: randomUUID(),
        subscriptionId: sub.id,
        periodKey: due.periodKey,
        target: sub.target,
        digest,
        status: 'pending',
        attempts: 0,
        availableAt: nowIso,
        messageIds: [],
        lastError: null,
        createdAt: nowIso,
        sentAt: null,
      },
      nowIso,
    );
    if (fresh) {
      built++;
      deps.log.info({ subscription: sub.id, period: due.periodKey, stories: digest.entries.length }, 'digest built');
    }
  }
  return built;
}

/** The digest a chat asks for now: the last 24 hours of its feeds; if that is empty, the latest stories it has. */
export async function onDemandDigest(deps: DigestDeps, sub: Subscription): Promise<Digest> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const digest = await digestFor(deps.store, sub, new Date(now.getTime() - DAY_MS).toISOString(), nowIso, nowIso);
  if (digest.entries.length) return digest;
  return digestFor(deps.store, sub, new Date(0).toISOString(), nowIso, nowIso);
}
