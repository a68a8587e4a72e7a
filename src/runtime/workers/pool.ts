// A small pool of worker threads for the CPU-heavy steps (reading a page, summarizing a text), so that a
// large page never holds the event loop: chats keep being answered while it is read. Each task has a time
// limit and each worker a heap limit; a task over either fails alone (its worker is replaced) with a message
// that says which limit, and the process goes on.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../core/ports';
import type { TaskName, Tasks } from './tasks';

export interface PoolOptions {
  /** Worker threads at most (started on demand). */
  size: number;
  /** A task still running after this long is stopped and fails. */
  taskTimeoutMs: number;
  /** Each worker's heap limit (V8 old generation), in MB. */
  maxHeapMb: number;
  /** An idle worker ends after this long (the next task starts a new one). */
  idleMs: number;
}

export const POOL_DEFAULTS: PoolOptions = {
  size: Math.max(1, Math.min(2, availableParallelism() - 1)),
  taskTimeoutMs: 30_000,
  maxHeapMb: 256,
  idleMs: 60_000,
};

/** A worker still loading its modules after this long is given up. */
const LOAD_TIMEOUT_MS = 30_000;

/** A task that ran over its time or memory limit, or whose worker died. */
export class TaskFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

type Input<T extends TaskName> = Parameters<Tasks[T]>[0];
type Output<T extends TaskName> = ReturnType<Tasks[T]>;

interface Job {
  id: number;
  task: TaskName;
  input: unknown;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
  idle: ReturnType<typeof setTimeout> | null;
}

/**
 * The worker's entry. Compiled, it is worker.js beside this file. From the TypeScript sources (tsx, vitest)
 * the thread starts at tsx-loader.mjs, which registers tsx as bin/tidings.js does for the main thread.
 */
function spawn(maxHeapMb: number): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.ceil(maxHeapMb / 4)) };
  if (entry.pathname.endsWith('.js')) return new Worker(entry, { resourceLimits });
  return new Worker(new URL('./tsx-loader.mjs', import.meta.url), { workerData: { entry: entry.href }, resourceLimits });
}

export interface WorkerPool {
  run<T extends TaskName>(task: T, input: Input<T>): Promise<Output<T>>;
  close(): Promise<void>;
}

export function createWorkerPool(options: Partial<PoolOptions> = {}, log?: Logger): WorkerPool {
  const o: PoolOptions = { ...POOL_DEFAULTS, ...options };
  const slots: Slot[] = [];
  const waiting: Job[] = [];
  let nextId = 1;
  let closed = false;

  function retire(slot: Slot): void {
    const at = slots.indexOf(slot);
    if (at >= 0) slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
  }

  function fail(slot: Slot, err: TaskFailed): void {
    const job = slot.job;
    slot.job = null;
    retire(slot);
    if (job) {
      log?.warn({ task: job.task, reason: err.reason }, err.message);
      job.reject(err);
    }
    pump();
  }

  function start(): Slot {
    const worker = spawn(o.maxHeapMb);
    worker.unref();
    let ready!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (ready = r)), job: null, timer: null, idle: null };
    // A worker that never finishes loading would hold its task forever (loading is not the task's time).
    const loadMs = Math.max(o.taskTimeoutMs, LOAD_TIMEOUT_MS);
    const loading = setTimeout(() => fail(slot, new TaskFailed('timeout', `the worker did not start within ${Math.round(loadMs / 1000)} s`)), loadMs);
    loading.unref();
    worker.on('message', (msg: { ready?: true; id?: number; ok?: boolean; value?: unknown; message?: string }) => {
      if (msg.ready) {
        clearTimeout(loading);
        return ready();
      }
      const job = slot.job;
      if (!job || msg.id !== job.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      slot.timer = null;
      worker.unref();
      if (msg.ok) job.resolve(msg.value);
      else job.reject(new Error(msg.message));
      idleLater(slot);
      pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      clearTimeout(loading);
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(slot, new TaskFailed(memory ? 'memory' : 'crash', memory ? `it needed more than the ${o.maxHeapMb} MB a text may use` : `the worker failed: ${err.message}`));
    });
    worker.on('exit', () => {
      if (slots.includes(slot)) fail(slot, new TaskFailed('crash', 'the worker stopped unexpectedly'));
    });
    slots.push(slot);
    return slot;
  }

  function idleLater(slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = setTimeout(() => {
      if (!slot.job) retire(slot);
    }, o.idleMs);
    slot.idle.unref();
  }

  function pump(): void {
    while (waiting.length) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < o.size ? start() : null);
      if (!slot) return;
      const job = waiting.shift()!;
      slot.job = job;
      // A worker with a task keeps the process alive (a one-shot command waits for it); an idle one does not.
      slot.worker.ref();
      if (slot.idle) clearTimeout(slot.idle);
      // The clock starts when the worker is ready: loading the modules is not the task's time.
      void slot.ready.then(() => {
        if (slot.job !== job) return;
        slot.timer = setTimeout(() => fail(slot, new TaskFailed('timeout', `it took longer than ${Math.round(o.taskTimeoutMs / 1000)} s`)), o.taskTimeoutMs);
        slot.worker.postMessage({ id: job.id, task: job.task, input: job.input });
      });
    }
  }

  return {
    run<T extends TaskName>(task: T, input: Input<T>): Promise<Output<T>> {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      return new Promise<Output<T>>((resolve, reject) => {
        waiting.push({ id: nextId++, task, input, resolve: resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the worker pool is closed'));
      for (const slot of [...slots]) {
        slot.job?.reject(new Error('the worker pool is closed'));
        slot.job = null;
        retire(slot);
      }
    },
  };
}
