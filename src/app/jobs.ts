// The work of `tidings start` as four jobs on the Queue port, the same in both modes: in one process the queue
// is in memory (queue/memory.ts), with REDIS_URL it is BullMQ and several processes share it. The tick looks for
// due feeds and digests and hands each due feed to a poll job and each shard of the subscriptions to a build job;
// poll jobs read a feed, build jobs write the outbox rows of a shard (the outbox's unique (subscription, period)
// key makes a second build of a period a no-op), deliver jobs drain the outbox (the store's claim gives each row
// to one worker only).
import type { Subscription } from '../core/model';
import type { Queue } from '../core/ports';
import { hash64 } from '../core/stories/hash';
import { type DigestDeps, buildDueDigests } from './digests';
import { type DeliverDeps, drainOutbox } from './deliver';
import { buildQuoteAlerts } from './follows';
import { type PollDeps, pollFeed, reusedStoryIndex, takeDueFeeds } from './poll';

/** A process's part: the scheduler ticks, the worker polls, builds and delivers, `all` does both. */
export type Role = 'scheduler' | 'worker' | 'all';
export const ROLES: readonly Role[] = ['scheduler', 'worker', 'all'];

export interface JobOptions {
  role: Role;
  /** How often the scheduler looks for due feeds and digests. */
  tickMs: number;
  /** How often deliveries are kicked even when nothing new was built (retries, expired leases). */
  deliverEveryMs: number;
  /** Build jobs per tick: the subscriptions are split into this many shards, built in parallel by the workers. */
  buildShards: number;
  /** Delivery jobs that may run at once across all workers. */
  drainSlots: number;
  /** Outbox rows one claim takes (and sends at once). */
  batch: number;
  /** How long a claimed row is a worker's; a killed worker's rows are sent by another after it. */
  leaseMs: number;
  /** Jobs of each kind one worker process runs at once. */
  pollConcurrency: number;
  buildConcurrency: number;
  deliverConcurrency: number;
  /**
   * This process's heartbeat holder (runtime/heartbeat.ts): the rows it claims are marked as its, and those of
   * a holder whose heartbeat stopped are taken back within `staleMs`.
   */
  holder?: { id: string; staleMs: number };
}

/** Scheduled digests fall on whole minutes in every zone (docs/adr/0003-digest-scheduling.md): one tick a minute. */
export const JOB_DEFAULTS: Omit<JobOptions, 'role'> = {
  tickMs: 60_000,
  deliverEveryMs: 5_000,
  buildShards: 16,
  drainSlots: 8,
  batch: 25,
  leaseMs: 120_000,
  pollConcurrency: 4,
  buildConcurrency: 4,
  deliverConcurrency: 4,
};

export interface JobDeps {
  poll: PollDeps;
  digests: DigestDeps;
  deliver: DeliverDeps;
}

/** Due subscriptions the tick reads at once. */
const DUE_PAGE = 1_000;

/** A stable shard of a subscription id. */
export function shardOf(id: string, shards: number): number {
  return hash64(id)[0] % shards;
}

export interface RunningJobs {
  /** Resolves when the jobs have stopped. */
  stopped: Promise<void>;
  /** No new work is taken, running jobs finish, rows claimed but not yet sent are released; then the queue closes. */
  stop(): Promise<void>;
}

/**
 * Makes sure the scheduler's repeatable jobs exist. Called at start and at every tick of a timer of the
 * scheduler's own: when Redis restarts without its data the repeatable jobs are gone, and no tick job would
 * ever run to notice.
 */
async function ensureSchedules(queue: Queue, o: JobOptions): Promise<void> {
  await queue.every('tick', o.tickMs);
  await queue.every('deliver', o.deliverEveryMs);
}

export async function runJobs(queue: Queue, deps: JobDeps, o: JobOptions): Promise<RunningJobs> {
  // Stopping aborts this: running jobs take no new rows, and rows claimed but not yet sent are released.
  const stopping = new AbortController();
  const { poll, digests, deliver } = deps;
  const kickDeliveries = async () => {
    for (let i = 0; i < o.drainSlots; i++) await queue.add('deliver', {}, `drain:${i}`);
  };
  let watchdog: ReturnType<typeof setInterval> | null = null;

  if (o.role !== 'worker') {
    queue.process('tick', 1, async () => {
      for (const feed of await takeDueFeeds(poll)) await queue.add('poll', { feedId: feed.id }, `poll:${feed.id}`);
      // Only shards holding a due subscription get a build job: most ticks build nothing, and read no
      // subscription row (they are found by the index of their due instants).
      const now = digests.clock.now().toISOString();
      const shards = new Set<number>();
      for (let page = await digests.store.dueSubscriptions(now, DUE_PAGE); ; page = await digests.store.dueSubscriptions(now, DUE_PAGE, page.next)) {
        for (const s of page.subscriptions) shards.add(shardOf(s.id, o.buildShards));
        if (!page.next) break;
      }
      for (const i of shards) await queue.add('build', { shard: String(i), of: String(o.buildShards) }, `build:${i}`);
      // Quote alerts are few, and each is claimed by moving its follow's mark: the tick builds them itself.
      if (await buildQuoteAlerts(digests)) await kickDeliveries();
    });
    await ensureSchedules(queue, o);
    await queue.add('tick', {}, 'tick:start'); // do not wait a whole interval after a start
    watchdog = setInterval(() => {
      ensureSchedules(queue, o).catch((err: unknown) => poll.log.warn({ err }, 'could not check the repeatable jobs; trying again at the next tick'));
    }, o.tickMs);
  }

  if (o.role !== 'scheduler') {
    const stories = reusedStoryIndex();
    queue.process('poll', o.pollConcurrency, async ({ feedId }) => {
      const feed = feedId ? await poll.store.getFeed(feedId) : null;
      if (feed?.enabled) await pollFeed(poll, feed, await stories(poll));
    });
    queue.process('build', o.buildConcurrency, async ({ shard, of }) => {
      const only = (sub: Subscription) => shardOf(sub.id, Number(of)) === Number(shard);
      if (await buildDueDigests(digests, { signal: stopping.signal, only })) await kickDeliveries();
    });
    queue.process('deliver', o.deliverConcurrency, async () => {
      // Until nothing is due: the rest is leased to others or waits for its time.
      await drainOutbox(deliver, { limit: o.batch, concurrency: o.batch, leaseMs: o.leaseMs, signal: stopping.signal, ...(o.holder ? { holder: o.holder } : {}) });
    });
  }

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let closing: Promise<void> | null = null;
  const stop = () =>
    (closing ??= (async () => {
      if (watchdog) clearInterval(watchdog);
      stopping.abort();
      await queue.close(); // running jobs finish first: no send is cut in half
      resolveStopped();
    })());
  return { stopped, stop };
}
