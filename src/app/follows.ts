// Following people: their new quotes go into the chat's digest ("Said since the last digest") and, for a
// follow with alerts, out at once through the outbox, so an alert is delivered exactly once like a digest.
import type { SaidQuote, Subscription } from '../core/model';
import type { Clock, Logger, Store } from '../core/ports';
import { DEFAULT_SETTLE_MS, feedIdsFor, outboxRow } from './digests';

/** A digest shows at most this many quotes by followed people; an alert at most this many. */
export const SAID_IN_DIGEST = 15;
export const SAID_IN_ALERT = 5;
/** Quote alerts a chat gets in any hour; quotes beyond wait (folded into the next alert) or go to the digest. */
export const ALERTS_PER_HOUR = 4;
const HOUR_MS = 3_600_000;

/** The quotes by the people the chat follows that arrived in its feeds in (since, until], each since it was followed. */
export async function saidSince(store: Store, sub: Subscription, since: string, until: string): Promise<SaidQuote[]> {
  const follows = await store.listFollows(sub.target);
  if (!follows.length) return [];
  const scope = await feedIdsFor(store, sub.target);
  const each = await Promise.all(follows.map((f) => store.quotesArrived([f.personId], scope, f.createdAt > since ? f.createdAt : since, until, SAID_IN_DIGEST)));
  return each
    .flat()
    .sort((a, b) => b.seenAt.localeCompare(a.seenAt) || a.id.localeCompare(b.id))
    .slice(0, SAID_IN_DIGEST);
}

export interface AlertDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  settleMs?: number;
}

/**
 * Puts one alert in the outbox for every follow with alerts whose person was quoted since its mark, within
 * the chat's hourly cap. Safe from several processes at once and after a crash: the follow's mark moves in
 * the same transaction that writes the outbox row, and only from the mark this run read.
 */
export async function buildQuoteAlerts(deps: AlertDeps, options: { only?: (sub: Subscription) => boolean } = {}): Promise<number> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  // Like a digest, an alert covers only what ingestion has surely committed (see DigestDeps.settleMs).
  const until = new Date(now.getTime() - (deps.settleMs ?? DEFAULT_SETTLE_MS)).toISOString();
  let queued = 0;
  for (const follow of await deps.store.alertFollows()) {
    if (follow.alertedUntil >= until) continue;
    try {
      const sub = await deps.store.getSubscription(follow.target);
      if (!sub || (options.only && !options.only(sub))) continue;
      const quotes = await deps.store.quotesArrived([follow.personId], await feedIdsFor(deps.store, follow.target), follow.alertedUntil, until, SAID_IN_ALERT);
      if (!quotes.length) continue;
      if ((await deps.store.alertsSince(follow.target, new Date(now.getTime() - HOUR_MS).toISOString())) >= ALERTS_PER_HOUR) continue;
      const digest = { timezone: sub.timezone, since: follow.alertedUntil, until, generatedAt: nowIso, entries: [], said: quotes, alert: true };
      const row = outboxRow(sub, `alert:${follow.personId}:${until}`, digest, nowIso);
      if (await deps.store.enqueueAlert(follow, follow.alertedUntil, until, row, quotes.length)) {
        queued++;
        deps.log.info({ subscription: sub.id, person: follow.personId, quotes: quotes.length }, 'quote alert queued');
      }
    } catch (err) {
      deps.log.error({ err, person: follow.personId }, 'building a quote alert failed; retrying at the next tick');
    }
  }
  return queued;
}
