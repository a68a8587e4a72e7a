// Queue mode (REDIS_URL set): the work of `tidings start` split into jobs so one scheduler and any number of
// workers share it. The scheduler's tick is a repeatable job, so it runs once per interval however many
// scheduler processes are up; it hands each due feed to a poll job, builds due digests (the outbox's unique
// (subscription, period) key makes a second build a no-op) and kicks delivery jobs. Workers poll feeds and
// drain the outbox; the store's claim (SKIP LOCKED on PostgreSQL) gives each row to one worker only.
import { buildDueDigests } from '../app/digests';
import { deliverPending } from '../app/deliver';
import { pollFeed, takeDueFeeds } from '../app/poll';
import type { Queue } from '../core/ports';
import type { Tidings } from './app';
import type { Service } from './service';

export type Role = 'scheduler' | 'worker' | 'all';
export const ROLES: readonly Role[] = ['scheduler', 'worker', 'all'];

export interface QueuedOptions {
  role: Role;
  /** How often the scheduler looks for due feeds and digests. */
  tickMs: number;
  /** How often deliveries are kicked even when nothing new was built (retries, expired leases). */
  deliverEveryMs: number;
  /** Delivery jobs that may run at once across all workers. */
  drainSlots: number;
  /** Outbox rows one claim takes (and sends at once). */
  batch: number;
  /** How long a claimed row is a worker's; a killed worker's rows are sent by another after it. */
  leaseMs: number;
  /** Jobs of each kind one worker process runs at once. */
  pollConcurrency: number;
  deliverConcurrency: number;
}

export const QUEUED_DEFAULTS: Omit<QueuedOptions, 'role'> = {
  tickMs: 60_000,
  deliverEveryMs: 5_000,
  drainSlots: 8,
  batch: 25,
  leaseMs: 120_000,
  pollConcurrency: 4,
  deliverConcurrency: 4,
};

export async function startQueuedService(t: Tidings, queue: Queue, options: QueuedOptions): Promise<Service> {
  const o = options;
  const pollDeps = { ...t.digestDeps, source: t.source, sinks: t.sinks, policy: t.policy };
  const kickDeliveries = async () => {
    for (let i = 0; i < o.drainSlots; i++) await queue.add('deliver', {}, `drain:${i}`);
  };

  if (o.role !== 'worker') {
    queue.process('tick', 1, async () => {
      for (const feed of await takeDueFeeds(pollDeps)) await queue.add('poll', { feedId: feed.id }, `poll:${feed.id}`);
      const built = await buildDueDigests(t.digestDeps);
      if (built) await kickDeliveries();
    });
    await queue.every('tick', o.tickMs);
    await queue.every('deliver', o.deliverEveryMs);
    await queue.add('tick', {}, 'tick:start'); // do not wait a whole interval after a start
  }

  if (o.role !== 'scheduler') {
    queue.process('poll', o.pollConcurrency, async ({ feedId }) => {
      const feed = feedId ? await t.store.getFeed(feedId) : null;
      if (feed?.enabled) await pollFeed(pollDeps, feed);
    });
    queue.process('deliver', o.deliverConcurrency, async () => {
      // Drain until a claim comes back short: the rest is leased to others or not due yet.
      for (;;) {
        const r = await deliverPending({ store: t.store, sinks: t.sinks, clock: t.clock, log: t.log }, { limit: o.batch, leaseMs: o.leaseMs });
        if (r.sent + r.retried + r.dropped < o.batch) return;
      }
    });
  }
  t.log.info({ role: o.role, adapters: [...t.sinks.keys()] }, 'tidings started in queue mode');

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await queue.close(); // running jobs finish first: no send is cut in half
      await t.close();
      t.log.info('tidings stopped');
      resolveStopped();
    })());
  return { stopped, stop };
}
