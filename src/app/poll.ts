// Polling every feed on its own interval. A feed's own wishes (ttl, sy:updatePeriod, Cache-Control, Retry-After) are honoured
// within a floor and a ceiling; failures back off exponentially, and after a run of them the feed is paused and
// its chats are told once. A successful manual check (/feeds add of the same URL) turns it back on.
import type { Feed } from '../core/model';
import { message } from '../core/document';
import type { StoryIndex } from '../core/stories/story-index';
import { type IngestDeps, ingestFeed, loadStoryIndex } from './ingest';
import { attemptFeed } from './quarantine';

export interface PollPolicy {
  /** The normal interval between two reads of a feed. */
  intervalMs: number;
  /** Never read a feed more often than this, whatever it asks for. */
  floorMs: number;
  /** Failures in a row after which the feed is paused. */
  maxFailures: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = { intervalMs: 15 * 60_000, floorMs: 5 * 60_000, maxFailures: 10 };

/** However long a feed asks us to stay away, we look again within a day. */
const CEILING_MS = 86_400_000;

export interface PollDeps extends IngestDeps {
  policy?: PollPolicy;
}

export interface PollReport {
  polled: number;
  newArticles: number;
  notModified: number;
  failed: number;
  paused: number;
}

/** Backoff after `failures` failures in a row: the interval doubled each time, at most a day. */
export const backoffMs = (policy: PollPolicy, failures: number): number => Math.min(CEILING_MS, policy.intervalMs * 2 ** Math.min(failures, 10));

/** The wait before the next read after a good one: what the feed asked for, else the interval, within floor and ceiling. */
export const nextIntervalMs = (policy: PollPolicy, askedMs: number | null): number =>
  Math.min(CEILING_MS, Math.max(policy.floorMs, askedMs ?? policy.intervalMs));

async function pollOne(deps: PollDeps, feed: Feed, policy: PollPolicy, report: PollReport, stories: StoryIndex): Promise<void> {
  const now = deps.clock.now().getTime();
  const schedule = (read: { retryAfterMs: number | null }) => ({ nextPollAt: new Date(now + nextIntervalMs(policy, read.retryAfterMs)).toISOString() });
  // A read that stops the process is counted before it starts: after a few, the feed is paused, not replayed.
  const result = await attemptFeed(deps, feed, (afterRead) => ingestFeed(deps, feed, { stories, schedule, afterRead }));
  if (!result) {
    report.paused++;
    return;
  }
  report.polled++;
  if (result.ok) {
    report.newArticles += result.value.newCount;
    if (result.value.notModified) report.notModified++;
    return;
  }
  report.failed++;
  const failures = feed.failures + 1;
  const paused = failures >= policy.maxFailures;
  const asked = typeof result.error.details.retryAfterMs === 'number' ? result.error.details.retryAfterMs : 0;
  await deps.store.updateFeed(feed.id, {
    failures,
    lastError: result.error.code,
    enabled: !paused,
    nextPollAt: new Date(now + Math.min(CEILING_MS, Math.max(backoffMs(policy, failures), asked, policy.floorMs))).toISOString(),
  });
  deps.log.warn({ feed: feed.url, code: result.error.code, error: result.error.userMessage, failures }, 'feed read failed');
  if (!paused) return;
  report.paused++;
  // Only the transition pauses, and a paused feed is not polled again, so each chat hears of it once.
  for (const owner of await deps.store.feedOwners(feed.id)) {
    const outcome = await deps.sinks?.get(owner.platform)?.send(owner, message(`I paused the feed ${feed.url}: it failed ${failures} times in a row (${result.error.userMessage}). Add it again with /feeds add to retry.`));
    if (outcome && outcome.kind !== 'sent') deps.log.warn({ feed: feed.url, chat: owner.chatId, outcome: outcome.kind }, 'could not tell a chat its feed was paused');
  }
}

/** Feeds read in one look at most; the rest stay due for the next (a minute later). */
const DUE_FEEDS_PER_LOOK = 5_000;

/** The enabled feeds whose next poll time has come, found by index. */
async function dueFeeds(store: PollDeps['store'], nowMs: number): Promise<Feed[]> {
  return store.dueFeeds(new Date(nowMs).toISOString(), DUE_FEEDS_PER_LOOK);
}

/** Reads every enabled feed whose time has come, a few at a time. */
export async function pollDueFeeds(deps: PollDeps, concurrency = 8): Promise<PollReport> {
  const policy = deps.policy ?? DEFAULT_POLL_POLICY;
  const nowMs = deps.clock.now().getTime();
  const due = await dueFeeds(deps.store, nowMs);
  const report: PollReport = { polled: 0, newArticles: 0, notModified: 0, failed: 0, paused: 0 };
  // The scheduler looks every minute, and most minutes nothing is due: the story index (every article of the
  // story window) is read only when there is something to group.
  if (!due.length) return report;
  const queue = [...due];
  const stories = await loadStoryIndex(deps);
  const worker = async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) {
      try {
        await pollOne(deps, feed, policy, report, stories);
      } catch (err) {
        // A bug or a store hiccup on one feed must not stop the others.
        report.failed++;
        deps.log.error({ feed: feed.url, err: (err as Error).message }, 'polling a feed threw');
      }
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
  const due = await dueFeeds(deps.store, nowMs);
  for (const feed of due) await deps.store.updateFeed(feed.id, { nextPollAt: new Date(nowMs + policy.intervalMs).toISOString() });
  return due;
}

/**
 * Reads one feed with the same backoff and pause rules as pollDueFeeds: the unit of work of a poll job.
 * `stories` is the worker's index (see reusedStoryIndex); without it the index is read for this feed alone.
 */
export async function pollFeed(deps: PollDeps, feed: Feed, stories?: StoryIndex): Promise<PollReport> {
  const report: PollReport = { polled: 0, newArticles: 0, notModified: 0, failed: 0, paused: 0 };
  await pollOne(deps, feed, deps.policy ?? DEFAULT_POLL_POLICY, report, stories ?? (await loadStoryIndex(deps)));
  return report;
}

/**
 * One story index for a worker's many poll jobs, read again from the store once it is `maxAgeMs` old. Reading
 * two days of articles for every single feed would cost more than the feed; meanwhile the articles this worker
 * stores join the index as they are stored, and those of other workers join at the next read. A story two
 * workers meet within that minute is still merged when its digest is built.
 */
export function reusedStoryIndex(maxAgeMs = 60_000): (deps: Pick<PollDeps, 'store' | 'clock'>) => Promise<StoryIndex> {
  let current: { index: Promise<StoryIndex>; readAt: number } | null = null;
  return (deps) => {
    const now = deps.clock.now().getTime();
    if (!current || now - current.readAt >= maxAgeMs) {
      const index = loadStoryIndex(deps);
      current = { index, readAt: now };
      index.catch(() => (current = null)); // a failed read is tried again by the next job
    }
    return current.index;
  };
}
