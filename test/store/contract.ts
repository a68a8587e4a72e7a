// The Store contract: every backend (SQLite, PostgreSQL) must pass the same cases.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatTarget, OutboxRow, Subscription } from '../../src/core/model';
import { articleRecord, outboxRecord, subscriptionRecord } from '../fakes/records';
import type { Store } from '../../src/core/ports';
import { scheduleContract } from './contract-schedule';
import { dueContract } from './contract-due';
import { peopleContract } from './contract-people';

const chat = (id: string, threadId: string | null = null): ChatTarget => ({ platform: 'telegram', chatId: id, threadId });
const T0 = '2025-08-14T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export const article = articleRecord;
export const subscription = (target: ChatTarget, extra: Partial<Subscription> = {}): Subscription =>
  subscriptionRecord(target, { timezone: 'Europe/Kyiv', createdAt: T0, ...extra });
export const outboxRow = (sub: Subscription, periodKey: string, extra: Partial<OutboxRow> = {}): OutboxRow =>
  outboxRecord(sub, periodKey, { createdAt: T0, availableAt: T0, ...extra });

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    scheduleContract(() => store);
    dueContract(() => store);
    peopleContract(() => store);

    describe('work attempts', () => {
      it('counts attempts before the work, forgets them on success, and quarantines once', async () => {
        const at = '2026-05-04T08:00:00.000Z';
        expect(await store.beginAttempt('item:a', null, at)).toEqual({ prior: 0, quarantined: false });
        expect(await store.beginAttempt('item:a', null, at)).toEqual({ prior: 1, quarantined: false });
        expect(await store.failAttempt('item:a', 'too slow', false, at)).toBe(false);
        expect(await store.beginAttempt('item:a', null, at)).toEqual({ prior: 2, quarantined: false });
        expect(await store.failAttempt('item:a', 'too slow', true, at)).toBe(true);
        expect(await store.failAttempt('item:a', 'too slow', true, at)).toBe(false);
        expect((await store.beginAttempt('item:a', null, at)).quarantined).toBe(true);
        await store.beginAttempt('item:b', null, at);
        await store.endAttempt('item:b');
        expect(await store.beginAttempt('item:b', null, at)).toEqual({ prior: 0, quarantined: false });
      });
    });

    describe('feeds', () => {
      it('keeps one row per URL and links chats to it', async () => {
        const a = await store.addFeed('https://a.example/feed', chat('1'), 'A');
        const again = await store.addFeed('https://a.example/feed', chat('2'));
        expect(again.id).toBe(a.id);
        expect((await store.listFeeds(chat('1'))).map((f) => f.url)).toEqual(['https://a.example/feed']);
        expect((await store.listFeeds(chat('2'))).map((f) => f.title)).toEqual(['A']);
        expect(await store.listFeeds(null)).toEqual([]);
        expect((await store.feedOwners(a.id)).map((t) => t.chatId).sort()).toEqual(['1', '2']);
      });

      it('marks global feeds and lists every feed someone reads', async () => {
        await store.addFeed('https://g.example/rss', null);
        await store.addFeed('https://c.example/rss', chat('7', '42'));
        expect((await store.listFeeds(null)).map((f) => f.global)).toEqual([true]);
        expect((await store.listAllFeeds()).map((f) => f.url).sort()).toEqual(['https://c.example/rss', 'https://g.example/rss']);
        expect(await store.listFeeds(chat('7'))).toEqual([]); // a topic is its own target
        expect(await store.listFeeds(chat('7', '42'))).toHaveLength(1);
      });

      it('removes a chat link or the global mark, and says when there was nothing to remove', async () => {
        await store.addFeed('https://a.example/feed', chat('1'));
        expect(await store.removeFeed('https://a.example/feed', chat('2'))).toBe(false);
        expect(await store.removeFeed('https://a.example/feed', chat('1'))).toBe(true);
        expect(await store.listAllFeeds()).toEqual([]);
        expect(await store.removeFeed('https://nowhere.example/', null)).toBe(false);
      });

      it('seeds default feeds once: a removed one stays removed', async () => {
        expect(await store.seedGlobalFeeds('default-sources', ['/srv/seeds', 'https://g.example/rss'])).toBe(true);
        expect((await store.listFeeds(null)).map((f) => f.url).sort()).toEqual(['/srv/seeds', 'https://g.example/rss']);
        expect(await store.removeFeed('/srv/seeds', null)).toBe(true);
        expect(await store.seedGlobalFeeds('default-sources', ['/srv/seeds', 'https://g.example/rss'])).toBe(false);
        expect((await store.listFeeds(null)).map((f) => f.url)).toEqual(['https://g.example/rss']);
        expect((await store.findFeed('/srv/seeds'))?.global).toBe(false); // the row stays, read by nobody
        expect(await store.findFeed('https://nowhere.example/rss')).toBeNull();
      });

      it('updates polling state', async () => {
        const f = await store.addFeed('https://a.example/feed', null);
        await store.updateFeed(f.id, { etag: '"x"', failures: 3, enabled: false, nextPollAt: at(5), lastError: 'fetch/timeout', url: 'https://b.example/feed' });
        const g = await store.getFeed(f.id);
        expect(g).toMatchObject({ etag: '"x"', failures: 3, enabled: false, nextPollAt: at(5), lastError: 'fetch/timeout', url: 'https://b.example/feed' });
        expect(await store.getFeed('missing')).toBeNull();
      });
    });

    describe('articles', () => {
      it('stores an article once and returns it intact', async () => {
        const f = await store.addFeed('https://a.example/feed', null);
        const a = article('url:https://news.example/1', f.id, at(1), { quotes: [{ text: '“Curly” and \'straight\'', speaker: null, cue: null }] });
        expect(await store.saveArticle(a)).toBe(true);
        expect(await store.saveArticle({ ...a, title: 'Edited' })).toBe(false);
        expect(await store.getArticles([a.id, 'missing'])).toEqual([a]);
        expect(await store.existingArticleIds([a.id, 'missing'])).toEqual(new Set([a.id]));
      });

      it('selects what arrived in a window from the given feeds only', async () => {
        const f1 = await store.addFeed('https://a.example/feed', null);
        const f2 = await store.addFeed('https://b.example/feed', chat('1'));
        await store.saveArticle(article('a1', f1.id, at(1)));
        await store.saveArticle(article('a2', f1.id, at(10)));
        await store.saveArticle(article('b1', f2.id, at(5)));
        expect((await store.articlesArrived([f1.id], at(0), at(60))).map((a) => a.id)).toEqual(['a1', 'a2']);
        expect((await store.articlesArrived([f1.id, f2.id], at(1), at(10))).map((a) => a.id)).toEqual(['b1', 'a2']);
        expect(await store.articlesArrived([], at(0), at(60))).toEqual([]);
        const recent: string[] = [];
        for await (const r of store.recentFingerprints(at(4))) recent.push(r.id);
        expect(recent.sort()).toEqual(['a2', 'b1']);
      });

      it('reaches an article through every feed that carried it', async () => {
        const f1 = await store.addFeed('https://a.example/feed', null);
        const f2 = await store.addFeed('https://b.example/feed', null);
        await store.saveArticle(article('same', f1.id, at(1)));
        await store.saveArticle(article('same', f2.id, at(2)));
        expect((await store.articlesArrived([f2.id], at(0), at(60))).map((a) => a.feedId)).toEqual([f1.id]);
      });
    });

    describe('subscriptions', () => {
      it('keeps one subscription per target and updates it in place', async () => {
        const s = subscription(chat('1', '9'));
        await store.saveSubscription(s);
        await store.saveSubscription({ ...s, id: randomUUID(), time: '07:30', topics: ['energy'] });
        const got = await store.getSubscription(chat('1', '9'));
        expect(got).toMatchObject({ id: s.id, time: '07:30', topics: ['energy'], target: { platform: 'telegram', chatId: '1', threadId: '9' } });
        expect(await store.getSubscription(chat('1'))).toBeNull();
        expect(await store.getSubscriptionById(s.id)).toMatchObject({ id: s.id });
        expect(await store.listSubscriptions()).toHaveLength(1);
      });
    });

    describe('outbox', () => {
      it('builds a period once and moves the covered mark in the same step', async () => {
        const s = subscription(chat('1'));
        await store.saveSubscription(s);
        expect(await store.enqueueDigest(outboxRow(s, '2025-08-14'), at(60))).toBe(true);
        expect((await store.getSubscription(s.target))?.coveredUntil).toBe(at(60));
        expect(await store.enqueueDigest(outboxRow(s, '2025-08-14'), at(90))).toBe(false);
        expect((await store.getSubscription(s.target))?.coveredUntil).toBe(at(60));
        expect(await store.enqueueDigest(outboxRow(s, 'ondemand:1'), null)).toBe(true);
        expect((await store.getSubscription(s.target))?.coveredUntil).toBe(at(60));
        expect(await store.listDeliveries(s.id)).toHaveLength(2);
      });

      it('leases a row to one claimer until the lease ends', async () => {
        const s = subscription(chat('1'));
        await store.saveSubscription(s);
        await store.enqueueDigest(outboxRow(s, 'p1'), at(0));
        const fiveMinutes = 5 * 60_000;
        const [first, second] = await Promise.all([store.claimDeliveries(at(1), 10, fiveMinutes), store.claimDeliveries(at(1), 10, fiveMinutes)]);
        expect(first.length + second.length).toBe(1);
        expect(await store.claimDeliveries(at(5), 10, fiveMinutes)).toEqual([]);
        const again = await store.claimDeliveries(at(6), 10, fiveMinutes);
        expect(again).toHaveLength(1);
        expect(again[0]!.attempts).toBe(2);
      });

      it('completes, retries later, and drops', async () => {
        const s = subscription(chat('1'));
        await store.saveSubscription(s);
        const r1 = outboxRow(s, 'p1');
        const r2 = outboxRow(s, 'p2');
        const r3 = outboxRow(s, 'p3');
        for (const r of [r1, r2, r3]) await store.enqueueDigest(r, at(0));
        expect(await store.claimDeliveries(at(1), 10, 5 * 60_000)).toHaveLength(3);
        await store.completeDelivery(r1.id, ['m1', 'm2'], at(2));
        await store.retryDelivery(r2.id, at(30), 'rate limited');
        await store.dropDelivery(r3.id, 'chat gone');
        const rows = new Map((await store.listDeliveries(s.id)).map((r) => [r.periodKey, r]));
        expect(rows.get('p1')).toMatchObject({ status: 'sent', messageIds: ['m1', 'm2'], sentAt: at(2) });
        expect(rows.get('p2')).toMatchObject({ status: 'pending', availableAt: at(30), lastError: 'rate limited' });
        expect(rows.get('p3')).toMatchObject({ status: 'dropped', lastError: 'chat gone' });
        expect(await store.claimDeliveries(at(29), 10, 60_000)).toEqual([]);
        expect((await store.claimDeliveries(at(30), 10, 60_000)).map((r) => r.periodKey)).toEqual(['p2']);
      });

      it('moves a chat that changed its id, with its pending rows and feeds', async () => {
        const from = chat('-100');
        const to = chat('-1001234');
        const s = subscription(from);
        await store.saveSubscription(s);
        await store.addFeed('https://a.example/feed', from);
        await store.enqueueDigest(outboxRow(s, 'p1'), at(0));
        await store.moveTarget(from, to);
        expect(await store.getSubscription(from)).toBeNull();
        expect((await store.getSubscription(to))?.id).toBe(s.id);
        expect((await store.listDeliveries(s.id))[0]!.target.chatId).toBe('-1001234');
        expect(await store.listFeeds(to)).toHaveLength(1);
      });
    });
  });
}
