// Polling every feed on its own interval, backing off when it fails and pausing it after a run of failures
// (its chats are told once). A successful manual check (/feeds add of the same URL) turns it back on.
import type { Feed } from '../core/model';
import type { Sink } from '../core/ports';
import { message } from '../core/document';
import { type IngestDeps, ingestFeed } from './ingest';

export interface PollPolicy {
  /** The normal interval between two reads of a feed. */
  intervalMs: number;
  /** Never read a feed more often than this, whatever it asks for. */
  floorMs: number;
  /** Failures in a row after which the feed is paused. */
  maxFailures: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { intervalMs: 15 * 60_000, floorMs: 5 * 60_000, maxFailures: 10 };

export interface PollDeps extends IngestDeps {
  /** Sinks by platform, to tell a paused feed's chats. */
  sinks?: ReadonlyMap<string, Sink>;
  policy?: PollPolicy;
}

export interface PollReport {
  polled: number;
  newArticles: number;
  failed: number;
}

/** Backoff after `failures` failures in a row: the interval doubled each time, at most a day. */
export const backoffMs = (policy: PollPolicy, failures: number): number => Math.min(86_400_000, policy.intervalMs * 2 ** Math.min(failures, 10));

async function pollOne(deps: PollDeps, feed: Feed, policy: PollPolicy, report: PollReport): Promise<void> {
  const now = deps.clock.now().getTime();
  const result = await ingestFeed(deps, feed);
  report.polled++;
  if (result.ok) {
    report.newArticles += result.value.newCount;
    return;
  }
  report.failed++;
  const failures = feed.failures + 1;
  const paused = failures >= policy.maxFailures;
  await deps.store.updateFeed(feed.id, {
    failures,
    lastError: result.error.code,
    enabled: !paused,
    nextPollAt: new Date(now + backoffMs(policy, failures)).toISOString(),
  });
  deps.log.warn({ feed: feed.url, code: result.error.code, failures }, 'feed read failed');
  if (paused) {
    for (const owner of await deps.store.feedOwners(feed.id)) {
      await deps.sinks?.get(owner.platform)?.send(owner, message(`I paused the feed ${feed.url}: it failed ${failures} times in a row (${result.error.userMessage}). Add it again with /feeds add to retry.`));
    }
  }
}

/** Reads every enabled feed whose time has come, a few at a time. */
export async function pollDueFeeds(deps: PollDeps, concurrency = 8): Promise<PollReport> {
  const policy = deps.policy ?? DEFAULT_POLL_POLICY;
  const nowMs = deps.clock.now().getTime();
  const due = (await deps.store.listAllFeeds()).filter((f) => f.enabled && (!f.nextPollAt || Date.parse(f.nextPollAt) <= nowMs));
  const report: PollReport = { polled: 0, newArticles: 0, failed: 0 };
  const queue = [...due];
  const worker = async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) {
      await deps.store.updateFeed(feed.id, { nextPollAt: new Date(nowMs + policy.intervalMs).toISOString() });
      await pollOne(deps, feed, policy, report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return report;
}

/**
 * The enabled feeds whose time has come, each marked as taken for one interval so that the next look (from this
 * process or another) does not take it again. Queue mode hands each one to a worker as its own job.
 */
export async function takeDueFeeds(deps: PollDeps): Promise<Feed[]> {
  const policy = deps.policy ?? DEFAULT_POLL_POLICY;
  const nowMs = deps.clock.now().getTime();
  const due = (await deps.store.listAllFeeds()).filter((f) => f.enabled && (!f.nextPollAt || Date.parse(f.nextPollAt) <= nowMs));
  for (const feed of due) await deps.store.updateFeed(feed.id, { nextPollAt: new Date(nowMs + policy.intervalMs).toISOString() });
  return due;
}

/** Reads one feed with the same backoff and pause rules as pollDueFeeds: the unit of work of a poll job. */
export async function pollFeed(deps: PollDeps, feed: Feed): Promise<PollReport> {
  const report: PollReport = { polled: 0, newArticles: 0, failed: 0 };
  await pollOne(deps, feed, deps.policy ?? DEFAULT_POLL_POLICY, report);
  return report;
}
