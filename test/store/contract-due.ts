// The Store contract's cases for work found by index: due subscriptions and feeds, a chat's subscriptions,
// and the article sequence that digest windows end at. Run inside storeContract, on each backend.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatTarget, Subscription } from '../../src/core/model';
import type { Store } from '../../src/core/ports';
import { articleRecord, outboxRecord, subscriptionRecord } from '../fakes/records';

// 2026-03-28 is the day before Kyiv moves its clocks forward: 08:00 there is 06:00Z, and 05:00Z the next day.
const T0 = '2026-03-28T04:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const target = (chatId: string = randomUUID(), threadId: string | null = null): ChatTarget => ({ platform: 'telegram', chatId, threadId });
const subscription = (patch: Partial<Subscription> = {}): Subscription =>
  subscriptionRecord(target(), { time: '08:00', timezone: 'Europe/Kyiv', active: true, createdAt: T0, ...patch });
const ids = (subs: Subscription[]) => subs.map((s) => s.id).sort();
const due = async (store: Store, now: string) => ids((await store.dueSubscriptions(now, 10)).subscriptions);

export function dueContract(get: () => Store): void {
  describe('work found by index', () => {
    let store: Store;
    beforeEach(() => {
      store = get();
    });

    it('finds a subscription due from its next scheduled time, and not before', async () => {
      const sub = subscription();
      await store.saveSubscription(sub);
      await store.saveSubscription(subscription({ active: false }));
      expect(await due(store, at(119))).toEqual([]);
      expect(await due(store, at(120))).toEqual([sub.id]); // 08:00 Kyiv = 06:00Z
    });

    it('moves the due instant when the time changes, and past the period a digest covered (across DST)', async () => {
      const sub = subscription();
      await store.saveSubscription(sub);
      await store.saveSubscription({ ...sub, time: '09:30' });
      expect(await due(store, at(120))).toEqual([]);
      expect(await due(store, at(210))).toEqual([sub.id]);
      expect(await store.enqueueDigest(outboxRecord(sub, '2026-03-28', { createdAt: at(210) }), at(210), 0)).toBe(true);
      expect(await due(store, at(24 * 60))).toEqual([]);
      // The next day Kyiv is UTC+3: 09:30 there is 06:30Z, 23 hours after the one before.
      expect(await due(store, at(210 + 23 * 60 - 1))).toEqual([]);
      expect(await due(store, at(210 + 23 * 60))).toEqual([sub.id]);
      // A stale copy (read before the digest) saved by a command keeps the due instant the digest moved.
      await store.saveSubscription({ ...sub, time: '09:30', topics: ['energy'] });
      expect(await due(store, at(24 * 60))).toEqual([]);
      // Ending it takes it out of every tick.
      await store.saveSubscription({ ...sub, time: '09:30', active: false });
      expect(await due(store, at(3 * 24 * 60))).toEqual([]);
    });

    it('defers a due subscription that needs no digest now, unless it changed meanwhile', async () => {
      const a = subscription();
      const b = subscription();
      await store.saveSubscription(a);
      await store.saveSubscription(b);
      await store.deferSubscription(a.id, at(120), at(24 * 60));
      expect(await due(store, at(120))).toEqual([b.id]);
      await store.saveSubscription({ ...b, time: '23:00' }); // no longer due at 06:00Z
      await store.deferSubscription(b.id, at(120), at(24 * 60 * 5));
      expect(await due(store, at(20 * 60))).toEqual([b.id]);
    });

    it('pages through due subscriptions by id', async () => {
      const subs = Array.from({ length: 5 }, () => subscription());
      for (const s of subs) await store.saveSubscription(s);
      await store.saveSubscription({ ...subs[4]!, time: '07:00' }); // due an hour earlier: first
      const first = await store.dueSubscriptions(at(120), 3);
      const rest = await store.dueSubscriptions(at(120), 3, first.next!);
      expect(first.subscriptions).toHaveLength(3);
      expect(rest.next).toBeNull();
      expect([...first.subscriptions, ...rest.subscriptions].map((s) => s.id)).toEqual([subs[4]!.id, ...subs.slice(0, 4).map((s) => s.id).sort()]);
    });

    it("finds a chat's subscriptions and its topics', and no other chat's", async () => {
      const main = subscription({ target: target('12') });
      const topic = subscription({ target: target('12', '7') });
      await store.saveSubscription(main);
      await store.saveSubscription(topic);
      await store.saveSubscription(subscription({ target: target('123') }));
      await store.saveSubscription(subscription({ target: target('1') }));
      await store.saveSubscription(subscription({ target: { platform: 'discord', chatId: '12', threadId: null } }));
      expect(ids(await store.chatSubscriptions('telegram', '12'))).toEqual([main.id, topic.id].sort());
    });

    it('finds the feeds due for a poll: enabled, read by someone, their time come', async () => {
      const never = await store.addFeed('https://never.example/feed', null);
      const later = await store.addFeed('https://later.example/feed', target('1'));
      const now = await store.addFeed('https://now.example/feed', null);
      const off = await store.addFeed('https://off.example/feed', null);
      const orphan = await store.addFeed('https://orphan.example/feed', target('2'));
      await store.updateFeed(later.id, { nextPollAt: at(10) });
      await store.updateFeed(now.id, { nextPollAt: at(0) });
      await store.updateFeed(off.id, { enabled: false });
      await store.removeFeed(orphan.url, target('2'));
      expect((await store.dueFeeds(at(0), 10)).map((f) => f.id).sort()).toEqual([never.id, now.id].sort());
      expect(await store.dueFeeds(at(10), 10)).toHaveLength(3);
      expect(await store.dueFeeds(at(10), 2)).toHaveLength(2);
    });

    it('numbers articles in the order they are stored, and selects a window by those numbers', async () => {
      const f = await store.addFeed('https://a.example/feed', null);
      const g = await store.addFeed('https://b.example/feed', null);
      expect(await store.latestArticleSeq()).toBe(0);
      // Stamped out of order (a slow batch stamps the instant it began): the numbers follow the storing.
      await store.saveArticle(articleRecord('late-stamp', f.id, at(30)));
      await store.saveArticle(articleRecord('early-stamp', f.id, at(5)));
      const mark = await store.latestArticleSeq();
      await store.saveArticle(articleRecord('other-feed', g.id, at(40)));
      expect(await store.saveArticle(articleRecord('early-stamp', f.id, at(5)))).toBe(false); // a known article takes no number
      await store.saveArticle(articleRecord('after-mark', f.id, at(1)));
      const top = await store.latestArticleSeq();
      expect(top).toBe(mark + 2);
      expect((await store.articlesUpTo([f.id], mark, { ingestedAfter: at(0) })).map((a) => a.id)).toEqual(['late-stamp', 'early-stamp']);
      expect((await store.articlesUpTo([f.id], top, { seq: mark })).map((a) => a.id)).toEqual(['after-mark']);
      expect((await store.articlesUpTo([f.id, g.id], top, { ingestedAfter: at(10) })).map((a) => a.id)).toEqual(['late-stamp', 'other-feed']);
      expect(await store.articlesUpTo([], top, { seq: 0 })).toEqual([]);
    });

    it("keeps the sequence mark a digest covered, moving it forward only", async () => {
      const sub = subscription();
      await store.saveSubscription(sub);
      expect((await store.getSubscriptionById(sub.id))!.coveredSeq).toBeUndefined();
      await store.enqueueDigest(outboxRecord(sub, 'p1'), at(130), 7);
      expect((await store.getSubscriptionById(sub.id))!.coveredSeq).toBe(7);
      await store.enqueueDigest(outboxRecord(sub, 'p0'), at(125), 5);
      await store.enqueueDigest(outboxRecord(sub, 'ondemand:1'), null);
      await store.saveSubscription({ ...sub, coveredSeq: 2 });
      expect((await store.getSubscriptionById(sub.id))!.coveredSeq).toBe(7);
    });

    it('takes back the rows of a holder whose heartbeat stopped, never those of a live one', async () => {
      const sub = subscription();
      await store.saveSubscription(sub);
      const rows = [outboxRecord(sub, 'p1', { availableAt: at(0) }), outboxRecord(sub, 'p2', { availableAt: at(0) })];
      for (const r of rows) await store.enqueueDigest(r, null);
      const stale = (minutes: number) => at(minutes - 0.2); // a holder silent for 12 s is dead
      const lease = 2 * 60_000;
      await store.heartbeat('a', at(0));
      await store.heartbeat('b', at(0));
      expect(await store.claimDeliveries(at(0), 1, lease, { id: 'a', staleBefore: stale(0) })).toHaveLength(1);
      // A keeps beating: B takes only the free row, however long A's send takes.
      await store.heartbeat('a', at(0.1));
      await store.heartbeat('b', at(0.1));
      expect((await store.claimDeliveries(at(0.1), 10, lease, { id: 'b', staleBefore: stale(0.1) })).map((r) => r.periodKey)).toEqual(['p2']);
      await store.completeDelivery(rows[1]!.id, ['m2'], at(0.1));
      // A goes silent; within the lease but past the heartbeat's limit, B takes its row.
      expect(await store.claimDeliveries(at(0.25), 10, lease, { id: 'b', staleBefore: stale(0.25) })).toEqual([]);
      const taken = await store.claimDeliveries(at(0.35), 10, lease, { id: 'b', staleBefore: stale(0.35) });
      expect(taken.map((r) => [r.periodKey, r.attempts])).toEqual([['p1', 2]]);
      // A claim without a holder (no heartbeats) waits for the lease as before.
      await store.endHeartbeat('b');
      expect(await store.claimDeliveries(at(1), 10, lease)).toEqual([]);
    });

    it('lets a restarted process take back its own rows at once', async () => {
      const sub = subscription();
      await store.saveSubscription(sub);
      const row = outboxRecord(sub, 'p1', { availableAt: at(0) });
      await store.enqueueDigest(row, null);
      await store.heartbeat('single', at(0));
      expect(await store.claimDeliveries(at(0), 10, 120_000, { id: 'single', staleBefore: at(-1) })).toHaveLength(1);
      await store.heartbeat('single', at(0.05)); // the new run's first beat
      expect(await store.claimDeliveries(at(0.05), 10, 120_000, { id: 'single', staleBefore: at(-0.15) })).toEqual([]);
      expect(await store.releaseHolder('single', at(0.05))).toBe(1);
      const again = await store.claimDeliveries(at(0.05), 10, 120_000, { id: 'single', staleBefore: at(-0.15) });
      expect(again.map((r) => [r.id, r.attempts])).toEqual([[row.id, 1]]);
    });
  });
}
