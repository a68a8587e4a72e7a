// Is a subscription's digest due now? One digest per local day; after downtime, one catch-up at most.
import type { Subscription } from '../model';
import { lastOccurrence, localDate } from './occurrence';

export const DEFAULT_GRACE_MS = 12 * 3_600_000;

export interface DueDigest {
  /** The scheduled instant this digest belongs to. */
  scheduledAt: number;
  /** The local date of that instant: the outbox's period key, unique per subscription. */
  periodKey: string;
}

/**
 * The most recent scheduled time that has passed and was not covered yet, if it is still within the grace
 * period. Missed days before it are never built: a subscription down for three days gets one digest.
 */
export function dueDigest(sub: Subscription, nowMs: number, graceMs = DEFAULT_GRACE_MS, settleMs = 0): DueDigest | null {
  if (!sub.active) return null;
  const at = lastOccurrence(sub.time, sub.timezone, nowMs);
  // A digest built for `at` covers up to at least `at − settleMs`; a new subscription starts at its creation.
  const done = sub.coveredUntil ? at - settleMs <= Date.parse(sub.coveredUntil) : at <= Date.parse(sub.createdAt);
  if (done || nowMs - at > graceMs) return null;
  return { scheduledAt: at, periodKey: localDate(at, sub.timezone) };
}
