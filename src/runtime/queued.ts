// Queue mode (REDIS_URL set): the work of `tidings start` split into jobs so one scheduler and any number of
// workers share it. The scheduler's tick is a repeatable job, so it runs once per interval however many
// scheduler processes are up; it hands each due feed to a poll job and each shard of the subscriptions to a
// build job. Workers poll feeds, build the due digests of a shard (the outbox's unique (subscription, period)
// key makes a second build of a period a no-op) and drain the outbox; the store's claim (SKIP LOCKED on
// PostgreSQL) gives each row to one worker only.
import { buildDueDigests } from '../app/digests';
import { drainOutbox } from '../app/deliver';
import { pollFeed, reusedStoryIndex, takeDueFeeds } from '../app/poll';
import type { Subscription } from '../core/model';
import type { Queue } from '../core/ports';
import { hash64 } from '../core/stories/hash';
import type { Tidings } from './app';
import type { Service } from './service';
import { HEARTBEAT_DEFAULTS, type Heartbeat, processHolder, startHeartbeat } from './heartbeat';

export type Role = 'scheduler' | 'worker' | 'all';
export const ROLES: readonly Role[] = ['scheduler', 'worker', 'all'];

export interface QueuedOptions {
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
}

export const QUEUED_DEFAULTS: Omit<QueuedOptions, 'role'> = {
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

/** A stable shard of a subscription id. */
export function shardOf(id: string, shards: number): number {
  return hash64(id)[0] % shards;
}

export async function startQueuedService(t: Tidings, queue: Queue, options: QueuedOptions): Promise<Service> {
  const o = options;
  // Stopping aborts this: running jobs take no new rows, and rows claimed but not yet sent are released.
  const stopping = new AbortController();
  const deliverDeps = { store: t.store, sinks: t.sinks, clock: t.clock, log: t.log };
  const pollDeps = { ...t.digestDeps, source: t.source, sinks: t.sinks, policy: t.policy };
  const kickDeliveries = async () => {
    for (let i = 0; i < o.drainSlots; i++) await queue.add('deliver', {}, `drain:${i}`);
  };

  if (o.role !== 'worker') {
    queue.process('tick', 1, async () => {
      for (const feed of await takeDueFeeds(pollDeps)) await queue.add('poll', { feedId: feed.id }, `poll:${feed.id}`);
      // Only shards holding a due subscription get a build job: most ticks build nothing, and read no
      // subscription row (they are found by their due instant's index).
      const shards = new Set<number>();
      const now = t.clock.now().toISOString();
      for (let page = await t.store.dueSubscriptions(now, 1_000); ; page = await t.store.dueSubscriptions(now, 1_000, page.next)) {
        for (const s of page.subscriptions) shards.add(shardOf(s.id, o.buildShards));
        if (!page.next) break;
      }
      for (const i of shards) await queue.add('build', { shard: String(i), of: String(o.buildShards) }, `build:${i}`);
    });
    await queue.every('tick', o.tickMs);
    await queue.every('deliver', o.deliverEveryMs);
    await queue.add('tick', {}, 'tick:start'); // do not wait a whole interval after a start
  }

  let heartbeat: Heartbeat | null = null;
  if (o.role !== 'scheduler') {
    // A killed worker's rows go to the others once its heartbeat stops, not after their lease.
    const beat = await startHeartbeat(t.store, t.clock, t.log, processHolder(), HEARTBEAT_DEFAULTS);
    heartbeat = beat;
    const stories = reusedStoryIndex();
    queue.process('poll', o.pollConcurrency, async ({ feedId }) => {
      const feed = feedId ? await t.store.getFeed(feedId) : null;
      if (feed?.enabled) await pollFeed(pollDeps, feed, await stories(pollDeps));
    });
    queue.process('build', o.buildConcurrency, async ({ shard, of }) => {
      const only = (sub: Subscription) => shardOf(sub.id, Number(of)) === Number(shard);
      if (await buildDueDigests(t.digestDeps, { signal: stopping.signal, only })) await kickDeliveries();
    });
    queue.process('deliver', o.deliverConcurrency, async () => {
      // Until nothing is due: the rest is leased to others or waits for its time.
      await drainOutbox(deliverDeps, { limit: o.batch, concurrency: o.batch, leaseMs: o.leaseMs, signal: stopping.signal, holder: beat.holder });
    });
  }
  t.log.info({ role: o.role, adapters: [...t.sinks.keys()] }, 'tidings started in queue mode');

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let closing: Promise<void> | null = null;
  const stop = () =>
    (closing ??= (async () => {
      stopping.abort();
      await queue.close(); // running jobs finish first: no send is cut in half
      await heartbeat?.stop();
      resolveStopped();
    })());
  return { stopped, stop };
}
