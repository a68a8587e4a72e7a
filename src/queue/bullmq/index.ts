// Queue mode: the Queue port over BullMQ (Redis). One BullMQ queue per job kind, so a scheduler process can
// take ticks while worker processes take polls and deliveries. Jobs retry with exponential backoff; jobs that
// keep failing stay in Redis for inspection; close() lets running jobs finish before it disconnects.
import { Queue as BullQueue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobKind, Logger, Queue, QueueDepth } from '../../core/ports';

export interface BullQueueOptions {
  /** Redis key prefix: several deployments (or test runs) can share one Redis. */
  prefix?: string;
  /** Attempts of a failing job before it is kept as failed. */
  attempts?: number;
  /** First retry delay; each next one doubles. */
  backoffMs?: number;
  /**
   * How long a job stays ours without a heartbeat: a killed process's jobs return to the queue after it (and
   * its outbox rows after runtime/heartbeat.ts's limit, which is shorter).
   */
  lockMs?: number;
  /** How many failed jobs each kind keeps. */
  keepFailed?: number;
}

const KINDS: JobKind[] = ['tick', 'poll', 'build', 'deliver'];

export function openBullQueue(redisUrl: string, log: Logger, options: BullQueueOptions = {}): Queue {
  const connection: ConnectionOptions = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = options.prefix ?? 'tidings';
  const lockMs = options.lockMs ?? 15_000;
  const queues = new Map<JobKind, BullQueue>();
  const workers: Worker[] = [];
  // Our handlers now running: a close while Redis is away waits for them itself (see close()).
  const running = new Set<Promise<void>>();
  // Health checks get their own connection that fails fast instead of queueing commands while Redis is away.
  const probe = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2_000 });
  probe.on('error', () => undefined);
  const queueOf = (kind: JobKind): BullQueue => {
    let q = queues.get(kind);
    if (!q) {
      q = new BullQueue(kind, {
        connection,
        prefix,
        defaultJobOptions: {
          attempts: options.attempts ?? 5,
          backoff: { type: 'exponential', delay: options.backoffMs ?? 5_000 },
          removeOnComplete: { count: 1000 },
          removeOnFail: { count: options.keepFailed ?? 5_000 },
        },
      });
      q.on('error', (err) => log.warn({ err, queue: kind }, 'queue connection error'));
      queues.set(kind, q);
    }
    return q;
  };

  const ping = async (): Promise<boolean> => {
    try {
      if (probe.status === 'wait' || probe.status === 'end') await probe.connect();
      return (await Promise.race([probe.ping(), new Promise((r) => setTimeout(() => r('timeout'), 2_000))])) === 'PONG';
    } catch {
      return false;
    }
  };

  return {
    async add(kind, data, key) {
      await queueOf(kind).add(kind, data, key ? { deduplication: { id: key } } : {});
    },

    async every(kind, everyMs) {
      // Checked first so that asking every tick (to heal a Redis that lost its data) leaves a running schedule alone.
      if (await queueOf(kind).getJobScheduler(kind)) return;
      await queueOf(kind).upsertJobScheduler(kind, { every: everyMs }, { name: kind, data: {}, opts: { attempts: 1 } });
    },

    process(kind, concurrency, handler) {
      const run = (job: Job<Record<string, string>>) => {
        const p = handler(job.data ?? {});
        running.add(p);
        return p.finally(() => running.delete(p));
      };
      const worker = new Worker(kind, run, {
        connection,
        prefix,
        concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        maxStalledCount: 3,
      });
      worker.on('error', (err) => log.warn({ err, queue: kind }, 'queue worker error'));
      worker.on('failed', (job, err) => log.warn({ err, queue: kind, job: job?.id, attempts: job?.attemptsMade }, 'job failed'));
      workers.push(worker);
    },

    async depth() {
      const out = {} as QueueDepth;
      for (const kind of KINDS) {
        const c = await queueOf(kind).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
        out[kind] = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
      }
      return out;
    },

    async lastDone(kind) {
      const [newest] = await queueOf(kind).getJobs(['completed'], 0, 0, false);
      return newest?.finishedOn ?? null;
    },

    ping,


    async close() {
      // BullMQ's graceful close waits for Redis to answer, forever when it is away: then the running handlers
      // are waited for here (no new job can be fetched without Redis) and the connections are dropped.
      const reachable = await ping();
      if (!reachable) await Promise.allSettled([...running]);
      await Promise.all(workers.map((w) => w.close(!reachable)));
      await Promise.all([...queues.values()].map((q) => q.close()));
      probe.disconnect();
    },
  };
}
