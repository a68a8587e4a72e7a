// Queue mode heals: when Redis loses its data (a restart without persistence) the scheduler's repeatable jobs are
// gone and no tick job would ever run again; the scheduler's own timer puts them back, and ticks resume.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, expect, it, vi } from 'vitest';
import { JOB_DEFAULTS, type RunningJobs, runJobs } from '../../src/app/jobs';
import type { Queue } from '../../src/core/ports';
import { openBullQueue } from '../../src/queue/bullmq';
import { openSqliteStore } from '../../src/store/sqlite';
import { FakeClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { RecordingSink } from '../fakes/recording-sink';
import { REDIS_URL, removeRedisKeys } from '../support/servers';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The real queue, with each tick announced to the test as it starts. */
function announcingTicks(queue: Queue, onTick: () => void): Queue {
  return {
    ...queue,
    process: (kind, concurrency, handler) =>
      queue.process(kind, concurrency, kind === 'tick' ? async (data) => (onTick(), handler(data)) : handler),
  };
}

it('re-creates the repeatable tick after Redis lost every key, and ticks again', { timeout: 30_000 }, async () => {
  const prefix = `tidings-heal-${randomUUID()}`;
  const redis = new Redis(REDIS_URL);
  const store = await openSqliteStore(':memory:');
  const log = new MemoryLogger();
  const clock = new FakeClock('2026-05-04T08:00:00Z');
  const bull = openBullQueue(REDIS_URL, log, { prefix });
  let dropped = false;
  let afterLoss = 0;
  let started!: () => void;
  let healed!: () => void;
  const firstTick = new Promise<void>((r) => (started = r));
  const ticksAfterLoss = new Promise<void>((r) => (healed = r));
  // A job fetched while the keys were being dropped may still run once; a second tick needs a new schedule.
  const queue = announcingTicks(bull, () => (dropped ? ++afterLoss === 2 && healed() : started()));
  let running: RunningJobs | null = null;
  cleanup.push(async () => {
    await running?.stop();
    await bull.close();
    await store.close();
    await removeRedisKeys(prefix);
    redis.disconnect();
  });

  const digests = { store, clock, log };
  const sinks = new Map([['test', new RecordingSink()]]);
  const deps = { digests, poll: { ...digests, source: { read: () => Promise.reject(new Error('no feeds here')) }, sinks }, deliver: { ...digests, sinks } };
  running = await runJobs(queue, deps, { ...JOB_DEFAULTS, role: 'all', tickMs: 1_000, deliverEveryMs: 1_000 });
  await firstTick;

  // Redis comes back empty: the schedules, the waiting and the delayed jobs are gone. A tick that started
  // before the loss does not count.
  expect(await removeRedisKeys(prefix)).toBeGreaterThan(0);
  dropped = true;
  await ticksAfterLoss;
  // The schedule the new ticks come from is stored again.
  expect((await redis.keys(`${prefix}:tick:repeat*`)).length).toBeGreaterThan(0);
  await vi.waitFor(async () => expect(await bull.lastDone('tick')).not.toBeNull(), { timeout: 10_000, interval: 50 });
});
