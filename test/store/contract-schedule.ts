// The Store contract's cases for what scheduled digests rely on: a covered-up-to mark that never moves back,
// one row per period, leases that never overlap, release on stop. Engine-neutral, like the rest of the contract;
// run inside storeContract, on the fresh store each case gets.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatTarget, Digest, OutboxRow, Subscription } from '../../src/core/model';
import type { Store } from '../../src/core/ports';
import { outboxRecord, subscriptionRecord } from '../fakes/records';

const T0 = '2026-03-01T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const target = (chatId: string = randomUUID(), threadId: string | null = null): ChatTarget => ({ platform: 'telegram', chatId, threadId });

const subscription = (patch: Partial<Subscription> = {}): Subscription =>
  subscriptionRecord(target(), { timezone: 'Europe/Kyiv', topics: ['alaska', 'ceasefire'], sendEmpty: false, createdAt: T0, ...patch });

const digest: Digest = { timezone: 'Europe/Kyiv', since: at(-1440), until: T0, generatedAt: T0, entries: [] };

const outboxRow = (sub: Subscription, periodKey: string, patch: Partial<OutboxRow> = {}): OutboxRow => outboxRecord(sub, periodKey, { digest, createdAt: T0, ...patch });

export function scheduleContract(get: () => Store): void {
  describe('schedule and outbox guarantees', () => {
    let store: Store;
    beforeEach(() => {
      store = get();
    });

      describe('subscriptions', () => {
        it('keeps one subscription per target, a thread being its own target, and round-trips every field', async () => {
          const chat = randomUUID();
          const main = subscription({ target: target(chat) });
          const thread = subscription({ target: target(chat, '42'), topics: [], sendEmpty: true, quotes: false });
          await store.saveSubscription(main);
          await store.saveSubscription(thread);
          expect(await store.getSubscription(target(chat))).toEqual(main);
          expect(await store.getSubscription(target(chat, '42'))).toEqual(thread);
          expect(await store.getSubscriptionById(thread.id)).toEqual(thread);
          expect(await store.getSubscription(target())).toBeNull();
          expect(await store.getSubscriptionById(randomUUID())).toBeNull();

          await store.saveSubscription({ ...main, id: randomUUID(), time: '21:15', timezone: 'America/New_York', active: false });
          const updated = await store.getSubscription(main.target);
          expect(updated).toEqual({ ...main, time: '21:15', timezone: 'America/New_York', active: false }); // id and createdAt stay
          expect((await store.listSubscriptions()).map((s) => s.id).sort()).toEqual([main.id, thread.id].sort());
        });

        it('never moves the covered-up-to mark back when a stale copy is saved', async () => {
          const sub = subscription();
          await store.saveSubscription(sub);
          expect(await store.enqueueDigest(outboxRow(sub, '2026-03-01'), at(5))).toBe(true);
          await store.saveSubscription({ ...sub, time: '09:00' }); // read before the digest: coveredUntil null
          expect(await store.getSubscriptionById(sub.id)).toMatchObject({ time: '09:00', coveredUntil: at(5) });
          await store.saveSubscription({ ...sub, coveredUntil: at(1) });
          expect((await store.getSubscriptionById(sub.id))!.coveredUntil).toBe(at(5));
          await store.saveSubscription({ ...sub, coveredUntil: at(9) });
          expect((await store.getSubscriptionById(sub.id))!.coveredUntil).toBe(at(9));
        });
      });

      describe('outbox', () => {
        it('writes one row per (subscription, period), moving the mark in the same step', async () => {
          const sub = subscription();
          await store.saveSubscription(sub);
          const first = outboxRow(sub, '2026-03-01');
          expect(await store.enqueueDigest(first, at(1))).toBe(true);
          expect(await store.hasDigestPeriod(sub.id, '2026-03-01')).toBe(true);
          expect(await store.hasDigestPeriod(sub.id, '2026-03-02')).toBe(false);
          // A second build of the same period (another process, a restart) changes nothing.
          expect(await store.enqueueDigest(outboxRow(sub, '2026-03-01'), at(2))).toBe(false);
          expect((await store.getSubscriptionById(sub.id))!.coveredUntil).toBe(at(1));
          // On demand: its own period, the mark untouched.
          expect(await store.enqueueDigest(outboxRow(sub, 'ondemand:1'), null)).toBe(true);
          expect((await store.getSubscriptionById(sub.id))!.coveredUntil).toBe(at(1));
          const rows = await store.listDeliveries(sub.id);
          expect(rows.map((r) => r.periodKey).sort()).toEqual(['2026-03-01', 'ondemand:1']);
          expect(rows.find((r) => r.id === first.id)).toEqual(first);
        });

        it('leases a row to one caller until the lease ends; skipped and future rows are never claimed', async () => {
          const sub = subscription();
          await store.saveSubscription(sub);
          const due = outboxRow(sub, 'p1');
          await store.enqueueDigest(due, at(0));
          await store.enqueueDigest(outboxRow(sub, 'p2', { status: 'skipped' }), at(0));
          await store.enqueueDigest(outboxRow(sub, 'p3', { availableAt: at(30) }), at(0));

          const claimed = await store.claimDeliveries(at(1), 10, 60_000);
          expect(claimed.map((r) => r.id)).toEqual([due.id]);
          expect(claimed[0]).toMatchObject({ attempts: 1, availableAt: at(2) });
          expect(await store.claimDeliveries(at(1), 10, 60_000)).toEqual([]);
          // The lease ended (the process holding it died): claimable again.
          expect((await store.claimDeliveries(at(2), 10, 60_000)).map((r) => [r.id, r.attempts])).toEqual([[due.id, 2]]);
        });

        it('never hands the same row to two concurrent claims', async () => {
          const subs = Array.from({ length: 20 }, () => subscription());
          for (const s of subs) {
            await store.saveSubscription(s);
            await store.enqueueDigest(outboxRow(s, 'p'), at(0));
          }
          const batches = await Promise.all(Array.from({ length: 6 }, () => store.claimDeliveries(at(1), 5, 60_000)));
          const ids = batches.flat().map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBeLessThanOrEqual(20);
          const rest = await store.claimDeliveries(at(1), 100, 60_000);
          expect(ids.length + rest.length).toBe(20);
        });

        it('records the parts of a leased row as they go, only while the lease is the caller\'s', async () => {
          const sub = subscription();
          await store.saveSubscription(sub);
          await store.enqueueDigest(outboxRow(sub, 'p'), at(0));
          const [row] = await store.claimDeliveries(at(0), 10, 60_000);
          expect(await store.recordDeliveryParts(row!.id, row!.availableAt, ['201'])).toBe(true);
          expect(await store.recordDeliveryParts(row!.id, at(0), ['201', '999'])).toBe(false); // not its lease
          await store.retryDelivery(row!.id, at(5), 'part 2 failed');
          // The next claim sees the parts already sent; a sent row takes no more parts.
          const [again] = await store.claimDeliveries(at(5), 10, 60_000);
          expect(again).toMatchObject({ id: row!.id, messageIds: ['201'] });
          await store.completeDelivery(row!.id, ['201', '202'], at(6));
          expect(await store.recordDeliveryParts(row!.id, again!.availableAt, ['x'])).toBe(false);
          expect((await store.listDeliveries(sub.id))[0]?.messageIds).toEqual(['201', '202']);
        });

        it('records a send, a retry, a release and a drop', async () => {
          const sub = subscription();
          await store.saveSubscription(sub);
          const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((p) => outboxRow(sub, p));
          for (const r of [a!, b!, c!, d!]) await store.enqueueDigest(r, at(0));
          expect(await store.claimDeliveries(at(0), 10, 60_000)).toHaveLength(4);

          await store.completeDelivery(a!.id, ['101', '102'], at(1));
          await store.retryDelivery(b!.id, at(10), 'rate limited');
          await store.releaseDelivery(c!.id, at(1), at(1));
          await store.releaseDelivery(d!.id, at(0), at(1)); // not the lease it holds: no effect
          await store.dropDelivery(d!.id, 'bot was blocked');

          const byId = new Map((await store.listDeliveries(sub.id)).map((r) => [r.id, r]));
          expect(byId.get(a!.id)).toMatchObject({ status: 'sent', messageIds: ['101', '102'], sentAt: at(1) });
          expect(byId.get(b!.id)).toMatchObject({ status: 'pending', availableAt: at(10), lastError: 'rate limited' });
          expect(byId.get(c!.id)).toMatchObject({ status: 'pending', availableAt: at(1), attempts: 0 });
          expect(byId.get(d!.id)).toMatchObject({ status: 'dropped', lastError: 'bot was blocked' });

          // Released: claimable at once. Retried: only when its time comes. Sent and dropped: never.
          expect((await store.claimDeliveries(at(1), 10, 3_600_000)).map((r) => r.id)).toEqual([c!.id]);
          await store.completeDelivery(c!.id, ['103'], at(2));
          expect((await store.claimDeliveries(at(10), 10, 60_000)).map((r) => r.id)).toEqual([b!.id]);
          await store.dropDelivery(b!.id, 'gave up');
          expect(await store.claimDeliveries(at(100), 10, 60_000)).toEqual([]);
          // A late retry of a row that was meanwhile sent does not revive it.
          await store.retryDelivery(a!.id, at(200), 'late');
          expect(await store.claimDeliveries(at(300), 10, 60_000)).toEqual([]);
        });

        it('moves a chat (group → supergroup): its subscription and its pending rows follow', async () => {
          const from = target(`-100${Date.now()}`);
          const to = target(`-1009${Date.now()}`);
          const sub = subscription({ target: from });
          await store.saveSubscription(sub);
          await store.enqueueDigest(outboxRow(sub, 'p'), at(0));
          await store.moveTarget(from, to);
          expect(await store.getSubscription(from)).toBeNull();
          expect((await store.getSubscription(to))!.id).toBe(sub.id);
          const [row] = await store.claimDeliveries(at(0), 10, 60_000);
          expect(row!.target).toEqual(to);
        });
      });
  });
}
