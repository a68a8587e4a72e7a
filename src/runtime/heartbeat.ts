// Each process that delivers records a heartbeat every few seconds; the outbox rows it holds go back to the
// others once its heartbeat stops (a SIGKILL, a lost host), instead of waiting out a long lease.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { RunningJobs } from '../app/jobs';
import type { Clock, Logger, Store } from '../core/ports';

export interface HeartbeatOptions {
  /** How often the heartbeat is written. */
  everyMs: number;
  /** A holder silent this long is dead: its rows are taken back. Several beats, so one slow write is no death. */
  staleMs: number;
}

export const HEARTBEAT_DEFAULTS: HeartbeatOptions = { everyMs: 3_000, staleMs: 12_000 };

/** The holder name of the one process of single-process mode: a restart takes back what the last run held. */
export const SINGLE_HOLDER = 'single';

export const processHolder = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface Heartbeat {
  /** What deliverPending needs: who we are, and when a silent holder counts as dead. */
  holder: { id: string; staleMs: number };
  stop(): Promise<void>;
}

/**
 * Starts beating as `id`. With `takeBackOwn`, the rows an earlier run under the same name held are made
 * claimable at once: that run is over, since only one process runs under a fixed name.
 */
export async function startHeartbeat(store: Store, clock: Clock, log: Logger, id: string, options: HeartbeatOptions & { takeBackOwn?: boolean } = HEARTBEAT_DEFAULTS): Promise<Heartbeat> {
  const beat = () => store.heartbeat(id, clock.now().toISOString());
  await beat();
  if (options.takeBackOwn) {
    const taken = await store.releaseHolder(id, clock.now().toISOString());
    if (taken) log.info({ rows: taken }, 'took back the digests the last run was sending');
  }
  const timer = setInterval(() => void beat().catch((err: unknown) => log.warn({ err }, 'heartbeat not recorded')), options.everyMs);
  timer.unref();
  return {
    holder: { id, staleMs: options.staleMs },
    stop: async () => {
      clearInterval(timer);
      await store.endHeartbeat(id).catch(() => undefined);
    },
  };
}

/** Runs the jobs with a heartbeat as `id`, stopped after them (their claimed rows are released first). */
export async function withHeartbeat(
  t: { store: Store; clock: Clock; log: Logger },
  id: string,
  options: HeartbeatOptions & { takeBackOwn?: boolean },
  run: (holder: Heartbeat['holder']) => Promise<RunningJobs>,
): Promise<RunningJobs> {
  const heartbeat = await startHeartbeat(t.store, t.clock, t.log, id, options);
  let running: RunningJobs;
  try {
    running = await run(heartbeat.holder);
  } catch (err) {
    await heartbeat.stop();
    throw err;
  }
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await running.stop();
      await heartbeat.stop();
    })());
  return { stopped: running.stopped.then(() => heartbeat.stop()), stop };
}
