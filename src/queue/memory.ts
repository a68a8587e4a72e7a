// The Queue port in one process (no REDIS_URL): the same jobs as queue mode, run in memory. Keyed jobs are not
// doubled while they wait or run; a failing job is retried with exponential backoff and logged when it keeps
// failing; whole-minute intervals run on node-cron, so a minute tick falls on the minute as BullMQ's does.
import cron, { type ScheduledTask } from 'node-cron';
import type { JobKind, Logger, Queue, QueueDepth } from '../core/ports';

export interface MemoryQueueOptions {
  /** Attempts of a failing job before it is given up. */
  attempts?: number;
  /** First retry delay; each next one doubles. */
  backoffMs?: number;
}

type Handler = (data: Record<string, string>) => Promise<void>;

interface Job {
  kind: JobKind;
  data: Record<string, string>;
  key: string | undefined;
  attempt: number;
}

export interface MemoryQueue extends Queue {
  /** Resolves once no job waits or runs (retries waiting for their delay do not count). */
  idle(): Promise<void>;
}

const KINDS: JobKind[] = ['tick', 'poll', 'build', 'deliver'];

export function openMemoryQueue(log: Logger, options: MemoryQueueOptions = {}): MemoryQueue {
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 5_000;
  const waiting: Job[] = [];
  const running = new Map<JobKind, number>();
  const failed = new Map<JobKind, number>();
  const workers = new Map<JobKind, { concurrency: number; handler: Handler }>();
  const keys = new Set<string>();
  const retries = new Map<ReturnType<typeof setTimeout>, JobKind>();
  const repeats = new Map<JobKind, { stop(): void }>();
  const inFlight = new Set<Promise<void>>();
  const lastDone = new Map<JobKind, number>();
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const settleIdle = () => {
    if (waiting.length || inFlight.size) return;
    for (const w of idleWaiters) w();
    idleWaiters = [];
  };

  const run = (job: Job, handler: Handler) => {
    running.set(job.kind, (running.get(job.kind) ?? 0) + 1);
    const done = handler(job.data).then(
      () => {
        lastDone.set(job.kind, Date.now());
        if (job.key) keys.delete(job.key);
      },
      (err: unknown) => {
        if (job.attempt + 1 < attempts && !closed) {
          const timer = setTimeout(() => {
            retries.delete(timer);
            enqueue({ ...job, attempt: job.attempt + 1 });
          }, backoffMs * 2 ** job.attempt);
          retries.set(timer, job.kind);
          return;
        }
        if (job.key) keys.delete(job.key);
        failed.set(job.kind, (failed.get(job.kind) ?? 0) + 1);
        log.warn({ err, queue: job.kind, attempts: job.attempt + 1 }, 'job failed');
      },
    );
    const tracked = done.finally(() => {
      inFlight.delete(tracked);
      running.set(job.kind, (running.get(job.kind) ?? 1) - 1);
      pump();
      settleIdle();
    });
    inFlight.add(tracked);
  };

  const pump = () => {
    if (closed) return;
    for (let i = 0; i < waiting.length; ) {
      const job = waiting[i]!;
      const worker = workers.get(job.kind);
      if (worker && (running.get(job.kind) ?? 0) < worker.concurrency) {
        waiting.splice(i, 1);
        run(job, worker.handler);
      } else i++;
    }
  };

  const enqueue = (job: Job) => {
    if (closed) return;
    waiting.push(job);
    pump();
  };

  const add = (kind: JobKind, data: Record<string, string>, key?: string) => {
    if (closed || (key && keys.has(key))) return;
    if (key) keys.add(key);
    enqueue({ kind, data, key, attempt: 0 });
  };

  return {
    async add(kind, data, key) {
      add(kind, data, key);
    },

    async every(kind, everyMs) {
      if (closed || repeats.has(kind)) return;
      const fire = () => add(kind, {}, `every:${kind}`);
      const minutes = everyMs / 60_000;
      if (Number.isInteger(minutes) && minutes >= 1 && 60 % minutes === 0) {
        const task: ScheduledTask = cron.schedule(minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, fire);
        repeats.set(kind, { stop: () => void task.stop() });
      } else {
        const timer = setInterval(fire, everyMs);
        repeats.set(kind, { stop: () => clearInterval(timer) });
      }
    },

    process(kind, concurrency, handler) {
      workers.set(kind, { concurrency, handler });
      pump();
    },

    async depth() {
      const out = {} as QueueDepth;
      for (const kind of KINDS) {
        const delayed = [...retries.values()].filter((k) => k === kind).length;
        out[kind] = { waiting: waiting.filter((j) => j.kind === kind).length, active: running.get(kind) ?? 0, delayed, failed: failed.get(kind) ?? 0 };
      }
      return out;
    },

    async lastDone(kind) {
      return lastDone.get(kind) ?? null;
    },

    async ping() {
      return !closed;
    },

    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },

    async close() {
      closed = true;
      for (const r of repeats.values()) r.stop();
      repeats.clear();
      for (const t of retries.keys()) clearTimeout(t);
      retries.clear();
      waiting.length = 0;
      while (inFlight.size) await Promise.all([...inFlight]);
      settleIdle();
    },
  };
}
