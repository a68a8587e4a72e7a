// Delivering the outbox: outcomes of a send, and what a stopping process does with the rows it holds.
import { afterEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { SendOutcome, Sink } from '../../src/core/ports';
import { MAX_ATTEMPTS, deliverPending, drainOutbox } from '../../src/app/deliver';
import { buildDueDigests } from '../../src/app/digests';
import { type World, world } from './helpers';

let w: World;
afterEach(async () => w?.store.close());

/** A sink whose sends wait until the test lets them through. */
class GatedSink implements Sink {
  readonly platform = 'test';
  readonly started: string[] = [];
  readonly finished: string[] = [];
  private gates: (() => void)[] = [];
  private onStart: (() => void) | null = null;

  async send(target: ChatTarget, _doc: Document): Promise<SendOutcome> {
    this.started.push(target.chatId);
    this.onStart?.();
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.finished.push(target.chatId);
    return { kind: 'sent', messageIds: [`m-${target.chatId}`] };
  }

  /** Resolves once `n` sends have started. */
  untilStarted(n: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => this.started.length >= n && resolve();
      this.onStart = check;
      check();
    });
  }

  openAll(): void {
    for (const g of this.gates.splice(0)) g();
  }
}

describe('deliverPending', () => {
  it('on stop: the send in flight finishes and is recorded, claimed rows not yet sent are released at once', async () => {
    w = await world('2026-05-04T07:59:00Z');
    for (let i = 0; i < 5; i++) await w.subscribe({ target: { platform: 'test', chatId: `c${i}` } });
    w.clock.set('2026-05-04T08:00:00Z');
    expect(await buildDueDigests({ store: w.store, clock: w.clock, log: w.log })).toBe(5);

    const sink = new GatedSink();
    const stop = new AbortController();
    const deps = { store: w.store, clock: w.clock, log: w.log, sinks: new Map([['test', sink]]) };
    const running = deliverPending(deps, { concurrency: 1, signal: stop.signal });
    await sink.untilStarted(1);
    stop.abort(); // SIGTERM
    sink.openAll();
    expect(await running).toEqual({ sent: 1, retried: 0, dropped: 0, released: 4 });

    const rows = await w.store.listDeliveries();
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.target.chatId)).toEqual(sink.finished);
    // Released rows are claimable at once by the next process, with no attempt counted against them.
    const next = await w.store.claimDeliveries(w.clock.now().toISOString(), 10, 60_000);
    expect(next).toHaveLength(4);
    expect(next.every((r) => r.attempts === 1)).toBe(true);
  });

  it('retries what the platform asks to retry, gives up after repeated failures, and ends a gone chat', async () => {
    w = await world('2026-05-04T07:59:00Z');
    const flaky = await w.subscribe({ target: { platform: 'test', chatId: 'flaky' } });
    w.clock.set('2026-05-04T08:00:00Z');
    const deps = { store: w.store, clock: w.clock, log: w.log, sinks: new Map([['test', w.sink]]) };
    await buildDueDigests(deps);
    for (let i = 0; i < MAX_ATTEMPTS; i++) w.sink.script.push({ kind: 'retry', afterMs: 0, reason: 'HTTP 502' });
    const report = await drainOutbox(deps);
    expect(report).toMatchObject({ sent: 0, dropped: 1, retried: MAX_ATTEMPTS - 1 });
    expect((await w.store.listDeliveries(flaky.id))[0]).toMatchObject({ status: 'dropped', attempts: MAX_ATTEMPTS });

    await w.store.saveSubscription({ ...flaky, active: false });
    const blocked = await w.subscribe({ target: { platform: 'test', chatId: 'blocked' } });
    w.clock.set('2026-05-05T08:00:00Z');
    await buildDueDigests(deps);
    w.sink.script.push({ kind: 'gone', reason: 'bot was blocked by the user' });
    await drainOutbox(deps);
    expect((await w.store.getSubscriptionById(blocked.id))!.active).toBe(false);
    expect((await w.store.listDeliveries(blocked.id))[0]!.status).toBe('dropped');
  });

  it('does not start a send when little of the lease is left (another worker may claim the row then)', async () => {
    w = await world('2026-05-04T07:59:00Z');
    for (let i = 0; i < 3; i++) await w.subscribe({ target: { platform: 'test', chatId: `c${i}` } });
    w.clock.set('2026-05-04T08:00:00Z');
    await buildDueDigests({ store: w.store, clock: w.clock, log: w.log });
    // A send held up 100 s by a rate limit, with a 120 s lease.
    const slow: Sink = { platform: 'test', send: async () => (w.clock.advance(100_000), { kind: 'sent', messageIds: ['1'] }) };
    const report = await deliverPending({ store: w.store, clock: w.clock, log: w.log, sinks: new Map([['test', slow]]) }, { concurrency: 1, leaseMs: 120_000 });
    expect(report).toEqual({ sent: 1, retried: 0, dropped: 0, released: 2 });
    const pending = (await w.store.listDeliveries()).filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.availableAt)).toEqual(['2026-05-04T08:02:00.000Z', '2026-05-04T08:02:00.000Z']);
  });

  it('a sink that throws does not strand its row until the lease ends', async () => {
    w = await world('2026-05-04T07:59:00Z');
    const sub = await w.subscribe();
    w.clock.set('2026-05-04T08:00:00Z');
    await buildDueDigests({ store: w.store, clock: w.clock, log: w.log });
    const broken: Sink = { platform: 'test', send: async () => Promise.reject(new Error('socket hang up')) };
    const report = await deliverPending({ store: w.store, clock: w.clock, log: w.log, sinks: new Map([['test', broken]]) }, { leaseMs: 3_600_000 });
    expect(report.retried).toBe(1);
    const [row] = await w.store.listDeliveries(sub.id);
    expect(row).toMatchObject({ status: 'pending', lastError: 'socket hang up', availableAt: '2026-05-04T08:01:00.000Z' });
  });
});
