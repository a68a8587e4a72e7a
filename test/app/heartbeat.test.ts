// Heartbeats instead of long leases, on a fake clock: a process killed while it held digests loses them to
// the others once its heartbeat is stale (seconds, not the two-minute lease); a live one keeps them however
// long its sends take; a restarted single process takes back its own at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverPending } from '../../src/app/deliver';
import type { Sink, Store } from '../../src/core/ports';
import { SINGLE_HOLDER, startHeartbeat } from '../../src/runtime/heartbeat';
import { openSqliteStore } from '../../src/store/sqlite';
import { FakeClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { outboxRecord, subscriptionRecord } from '../fakes/records';
import { RecordingSink } from '../fakes/recording-sink';

const START = '2026-05-04T08:00:00.000Z';
const STALE_MS = 12_000;
let store: Store;
let clock: FakeClock;
const log = new MemoryLogger();

/** A sink whose sends never finish: the process holding the rows is as good as dead. */
const stuck: Sink = { platform: 'test', send: () => new Promise(() => undefined) };

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  clock = new FakeClock(START);
  for (let i = 0; i < 3; i++) {
    const sub = subscriptionRecord({ platform: 'test', chatId: `chat-${i}` }, { createdAt: START });
    await store.saveSubscription(sub);
    await store.enqueueDigest(outboxRecord(sub, '2026-05-04', { createdAt: START }), null);
  }
});
afterEach(async () => store.close());

/** Until every row has been claimed (the stuck sends have begun). */
const claimed = async () => {
  while ((await store.listDeliveries()).some((r) => r.attempts === 0)) await new Promise((r) => setImmediate(r));
};

const deliver = (holder: string, sink: Sink) =>
  deliverPending({ store, clock, log, sinks: new Map([['test', sink]]) }, { holder: { id: holder, staleMs: STALE_MS }, leaseMs: 120_000 });

describe('heartbeats', () => {
  it("a killed worker's digests are sent by another once its heartbeat is stale, long before the lease ends", async () => {
    await store.heartbeat('killed', clock.now().toISOString());
    void deliver('killed', stuck); // claims all three, sends none, and never beats again
    await claimed();
    const other = new RecordingSink();
    for (let s = 3; s <= 12; s += 3) {
      clock.advance(3_000);
      await store.heartbeat('alive', clock.now().toISOString());
      const report = await deliver('alive', other);
      if (s < 12) expect(report.sent).toBe(0); // 3, 6, 9 s: the killed worker may still be alive
      else expect(report.sent).toBe(3); // 12 s after its last beat: taken back
    }
    expect(other.sent.map((s) => s.target.chatId).sort()).toEqual(['chat-0', 'chat-1', 'chat-2']);
  });

  it('a live worker keeps its digests however long it holds them', async () => {
    await store.heartbeat('slow', clock.now().toISOString());
    void deliver('slow', stuck);
    await claimed();
    for (let s = 0; s < 20; s++) {
      clock.advance(3_000);
      await store.heartbeat('slow', clock.now().toISOString());
      await store.heartbeat('other', clock.now().toISOString());
      expect((await deliver('other', new RecordingSink())).sent).toBe(0);
    }
  });

  it('a restarted single process sends what its killed run held, at once', async () => {
    const first = await startHeartbeat(store, clock, log, SINGLE_HOLDER, { everyMs: 3_000, staleMs: STALE_MS, takeBackOwn: true });
    void deliver(SINGLE_HOLDER, stuck);
    await claimed();
    void first; // killed: no stop(), no release
    clock.advance(1_000);
    const restarted = await startHeartbeat(store, clock, log, SINGLE_HOLDER, { everyMs: 3_000, staleMs: STALE_MS, takeBackOwn: true });
    try {
      const sink = new RecordingSink();
      expect((await deliver(SINGLE_HOLDER, sink)).sent).toBe(3);
    } finally {
      await restarted.stop();
      await first.stop();
    }
  });
});
