// The in-process Queue: the contract BullMQ keeps in queue mode (keyed jobs once, retries with backoff, a job that
// keeps failing logged and counted, running jobs finish on close), and the repeatable job the scheduler heals.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMemoryQueue } from '../../src/queue/memory';
import { MemoryLogger } from '../fakes/logger';

afterEach(() => {
  vi.useRealTimers();
});

describe('in-memory queue', () => {
  it('adds a keyed job once while it waits, runs it, and is idle after', async () => {
    const queue = openMemoryQueue(new MemoryLogger());
    await queue.add('poll', { feedId: 'f1' }, 'poll:f1');
    await queue.add('poll', { feedId: 'f1' }, 'poll:f1');
    await queue.add('poll', { feedId: 'f2' }, 'poll:f2');
    expect((await queue.depth()).poll.waiting).toBe(2);
    const seen: string[] = [];
    queue.process('poll', 2, async ({ feedId }) => void seen.push(feedId ?? ''));
    await queue.idle();
    expect(seen.sort()).toEqual(['f1', 'f2']);
    expect(await queue.lastDone('poll')).not.toBeNull();
    expect(await queue.lastDone('build')).toBeNull();
    // Done: the key is free again.
    await queue.add('poll', { feedId: 'f1' }, 'poll:f1');
    await queue.idle();
    expect(seen).toHaveLength(3);
    await queue.close();
  });

  it('retries a failing job with doubling delays and counts it as failed after the last attempt', async () => {
    vi.useFakeTimers();
    const log = new MemoryLogger();
    const queue = openMemoryQueue(log, { attempts: 3, backoffMs: 1_000 });
    let runs = 0;
    queue.process('deliver', 1, async () => {
      runs++;
      throw new Error('platform down');
    });
    await queue.add('deliver', {}, 'drain:0');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    expect((await queue.depth()).deliver.delayed).toBe(1);
    await queue.add('deliver', {}, 'drain:0'); // still held by the retry
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(3);
    expect((await queue.depth()).deliver).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 1 });
    expect(log.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toEqual(['job failed']);
    await queue.close();
  });

  it('lets a running job finish on close and takes no new one', async () => {
    const queue = openMemoryQueue(new MemoryLogger());
    let release!: () => void;
    const started = new Promise<void>((resolveStarted) => {
      queue.process('build', 1, async ({ n }) => {
        if (n === '2') throw new Error('a job added after close ran');
        resolveStarted();
        await new Promise<void>((r) => (release = r));
      });
    });
    await queue.add('build', { n: '1' });
    await started;
    let closed = false;
    const closing = queue.close().then(() => (closed = true));
    await queue.add('build', { n: '2' });
    await Promise.resolve();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(closed).toBe(true);
    expect(await queue.ping()).toBe(false);
  });

  it('runs a whole-minute job on the minute, once however often it is asked for', async () => {
    vi.useFakeTimers({ now: new Date('2026-05-04T08:00:30Z') });
    const queue = openMemoryQueue(new MemoryLogger());
    const ticks: number[] = [];
    queue.process('tick', 1, async () => void ticks.push(Date.now()));
    await queue.every('tick', 60_000);
    await queue.every('tick', 60_000);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(62_000);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 19))).toEqual(['08:01:00', '08:02:00']);
    await queue.close();
  });
});
