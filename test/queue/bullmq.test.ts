// The Queue port on a real Redis: keyed jobs are not doubled, failing jobs retry with backoff and are kept
// when they keep failing, and close() lets a running job finish.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openBullQueue } from '../../src/queue/bullmq';
import { REDIS_URL, redisKeyPrefixes } from '../support/servers';
import { MemoryLogger } from '../fakes/logger';

const quiet = new MemoryLogger();
const prefixes = redisKeyPrefixes();
const fresh = (options = {}) => openBullQueue(REDIS_URL, quiet, { prefix: prefixes.next(), ...options });
afterAll(() => prefixes.removeAll());

/** Until `check` holds; fails the test when it does not within 10 s. */
const waitFor = (check: () => boolean | Promise<boolean>) =>
  vi.waitFor(async () => expect(await check()).toBe(true), { timeout: 10_000, interval: 25 });

describe('BullMQ queue', () => {
  it('adds a keyed job once while it waits, and runs it', async () => {
    const queue = fresh();
    try {
      await queue.add('poll', { feedId: 'f1' }, 'poll:f1');
      await queue.add('poll', { feedId: 'f1' }, 'poll:f1');
      await queue.add('poll', { feedId: 'f2' }, 'poll:f2');
      expect((await queue.depth()).poll.waiting).toBe(2);
      const seen: string[] = [];
      queue.process('poll', 2, async ({ feedId }) => void seen.push(feedId ?? ''));
      await waitFor(() => seen.length === 2);
      expect(seen.sort()).toEqual(['f1', 'f2']);
      expect(await queue.ping()).toBe(true);
    } finally {
      await queue.close();
    }
  });

  it('retries a failing job with backoff and keeps it as failed after the last attempt', async () => {
    const queue = fresh({ attempts: 3, backoffMs: 50 });
    try {
      let runs = 0;
      queue.process('deliver', 1, async () => {
        runs++;
        throw new Error('platform down');
      });
      await queue.add('deliver', {});
      await waitFor(async () => (await queue.depth()).deliver.failed === 1);
      expect(runs).toBe(3);
      expect((await queue.depth()).deliver).toMatchObject({ failed: 1, waiting: 0, active: 0 });
    } finally {
      await queue.close();
    }
  });

  it('lets a running job finish on close', async () => {
    const queue = fresh();
    let finished = false;
    let release!: () => void;
    const started = new Promise<void>((resolveStarted) => {
      queue.process('build', 1, async () => {
        resolveStarted();
        await new Promise<void>((r) => (release = r));
        finished = true;
      });
    });
    await queue.add('build', {});
    await started;
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    // close() waits for the job: it has not returned while the job still runs.
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    release();
    await closing;
    expect(finished).toBe(true);
  });
});
