// 10,000 subscriptions over 24 zones through a simulated day, on a fake clock: every chat gets exactly one digest,
// at its own 08:00, and each tick reads only the subscriptions due at it (the sum over the day is 10,000, not
// 10,000 per tick). A CI-sized check of correctness for bench:scale100k; no timing is asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDueDigests } from '../../src/app/digests';
import type { Store } from '../../src/core/ports';
import { openSqliteStore } from '../../src/store/sqlite';
import type { SqlStore } from '../../src/store/sql/store';
import { fromSubscription } from '../../src/store/sql/rows';
import { FakeClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { articleRecord, subscriptionRecord } from '../fakes/records';

const SUBS = 10_000;
const ZONES = Array.from({ length: 24 }, (_, h) => (h === 12 ? 'UTC' : `Etc/GMT${h < 12 ? '+' : '-'}${Math.abs(12 - h)}`));
const START = '2026-03-02T00:00:00.000Z';

describe('10,000 subscriptions through one day', () => {
  let store: SqlStore;
  beforeAll(async () => {
    store = (await openSqliteStore(':memory:')) as SqlStore;
    const feed = await store.addFeed('https://news.example/feed.xml', null);
    for (let i = 0; i < 50; i++) await store.saveArticle(articleRecord(`a${i}`, feed.id, '2026-03-01T23:59:00.000Z', { title: `Story ${i}` }));
    for (let i = 0; i < SUBS; i += 1000) {
      const chunk = Array.from({ length: 1000 }, (_, k) =>
        subscriptionRecord({ platform: 'test', chatId: `chat-${i + k}`, threadId: null }, { timezone: ZONES[(i + k) % 24]!, time: Math.floor((i + k) / 24) % 2 ? '08:00' : '08:30', createdAt: '2026-03-01T00:00:00.000Z', coveredUntil: '2026-03-01T23:58:00.000Z' }),
      );
      await store.db.insertInto('subscriptions').values(chunk.map(fromSubscription)).execute();
    }
  });
  afterAll(async () => store?.close());

  it('sends each chat one digest at its 08:00 or 08:30, reading only the due rows', { timeout: 120_000 }, async () => {
    const clock = new FakeClock(START);
    let rowsRead = 0;
    let idleTicks = 0;
    let idleTicksReadingRows = 0;
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'dueSubscriptions')
          return async (...args: Parameters<Store['dueSubscriptions']>) => {
            const page = await target.dueSubscriptions(...args);
            rowsRead += page.subscriptions.length;
            return page;
          };
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    // A tick every 15 minutes for a day; the scheduled times all fall on one.
    for (let tick = 0; tick < 96; tick++) {
      const before = rowsRead;
      const built = await buildDueDigests({ store: counted, clock, log: new MemoryLogger() });
      if (built === 0) {
        idleTicks++;
        if (rowsRead > before) idleTicksReadingRows++;
      }
      clock.advance(15 * 60_000);
    }
    expect(rowsRead).toBe(SUBS);
    expect(idleTicks).toBe(96 - 48);
    expect(idleTicksReadingRows).toBe(0);

    const rows = await store.db.selectFrom('outbox').innerJoin('subscriptions', 'subscriptions.id', 'outbox.subscription_id').select(['outbox.created_at', 'outbox.period_key', 'subscriptions.timezone', 'subscriptions.time']).execute();
    expect(rows).toHaveLength(SUBS);
    for (const r of rows) {
      const offsetHours = r.timezone === 'UTC' ? 0 : -Number(r.timezone.slice(7)); // Etc/GMT+5 is UTC−5
      const [h, m] = r.time.split(':').map(Number) as [number, number];
      const expected = Date.UTC(2026, 2, 2, h - offsetHours, m);
      const local = new Date(expected + offsetHours * 3_600_000).toISOString().slice(0, 10);
      // Zones ahead of UTC had their 08:00 of 2 March before the day began: their digest is that of 3 March.
      const at = expected < Date.parse(START) ? expected + 86_400_000 : expected;
      expect([r.created_at, r.period_key]).toEqual([new Date(at).toISOString(), expected < Date.parse(START) ? new Date(at + offsetHours * 3_600_000).toISOString().slice(0, 10) : local]);
    }
  });
});
