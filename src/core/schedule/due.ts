// Is a subscription's digest due now? One digest per local day; after downtime, one catch-up at most.
import type { Subscription } from '../model';
import { lastOccurrence, localDate, nextOccurrence } from './occurrence';

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
export function dueDigest(sub: Subscription, nowMs: number, graceMs = DEFAULT_GRACE_MS): DueDigest | null {
  if (!sub.active) return null;
  const at = lastOccurrence(sub.time, sub.timezone, nowMs);
  // A digest built for `at` was built at or after `at`, and covers up to then; a new subscription starts at its creation.
  if (at <= Date.parse(coveredFrom(sub)) || nowMs - at > graceMs) return null;
  return { scheduledAt: at, periodKey: localDate(at, sub.timezone) };
}

type Schedule = Pick<Subscription, 'active' | 'time' | 'timezone' | 'coveredUntil' | 'createdAt'>;

const coveredFrom = (sub: Schedule): string => sub.coveredUntil ?? sub.createdAt;

/**
 * The instant (ISO, UTC) from which dueDigest finds the subscription due: the first scheduled time after what
 * its last digest covered (or after its creation). Null when inactive. Stored beside the subscription and
 * indexed, so that a tick reads only the subscriptions whose time has come.
 */
export function nextDueAt(sub: Schedule): string | null {
  if (!sub.active) return null;
  return new Date(nextOccurrence(sub.time, sub.timezone, Date.parse(coveredFrom(sub)))).toISOString();
}

/** Where a due subscription that needs no digest now (built already, or missed beyond the grace) is due next. */
export function dueAfter(sub: Schedule, nowMs: number): string | null {
  if (!sub.active) return null;
  return new Date(nextOccurrence(sub.time, sub.timezone, nowMs)).toISOString();
}
