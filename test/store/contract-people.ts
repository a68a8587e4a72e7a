// The Store contract's cases for people, quotes and follows: lookup by surname key and alias, one quote row
// for a quote several outlets carried, quotes by person and time within a chat's feeds, follows and the alert
// mark that moves exactly once. Run inside storeContract on every backend.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Article, ChatTarget } from '../../src/core/model';
import type { Person } from '../../src/core/people';
import type { Store } from '../../src/core/ports';
import { articleRecord, outboxRecord, subscriptionRecord } from '../fakes/records';

const T0 = '2026-03-01T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const target = (chatId: string = randomUUID()): ChatTarget => ({ platform: 'telegram', chatId, threadId: null });

export const personRecord = (id: string, name: string, patch: Partial<Person> = {}): Person => {
  const parts = name.split(' ');
  return {
    id,
    name,
    given: parts.slice(0, -1),
    suffix: null,
    key: (parts.at(-1) ?? '').toLowerCase(),
    aliases: [name, parts.at(-1) ?? ''],
    roles: [],
    gender: null,
    mentions: 1,
    lastSeen: Date.parse(T0),
    ...patch,
  };
};

const rubio = personRecord('marco-rubio', 'Marco Rubio', { roles: ['Secretary of State'] });
const luis = personRecord('luis-rubio', 'Luis Rubio');

export function peopleContract(get: () => Store): void {
  describe('people, quotes and follows', () => {
    let store: Store;
    let feedA: string;
    let feedB: string;
    const article = async (id: string, feedId: string, minutes: number, patch: Partial<Article> = {}): Promise<Article> => {
      const a = articleRecord(id, feedId, at(minutes), { publishedAt: at(minutes - 5), ...patch });
      await store.saveArticle(a);
      return a;
    };
    beforeEach(async () => {
      store = get();
      feedA = (await store.addFeed('https://a.example/rss', null, 'A News')).id;
      feedB = (await store.addFeed('https://b.example/rss', target('other'), 'B Times')).id;
    });

    it('finds people by surname key and by alias, and keeps what a person learned', async () => {
      const a = await article('a1', feedA, 0);
      await store.saveQuotes(a, [rubio, luis], [{ personId: 'marco-rubio', text: 'We will not back down.', cue: 'said' }]);
      expect((await store.peopleWithKeys(['rubio'])).map((p) => p.id)).toEqual(['luis-rubio', 'marco-rubio']);
      expect((await store.peopleNamed('MARCO RUBIO', [])).map((p) => p.id)).toEqual(['marco-rubio']);
      expect((await store.peopleNamed('nobody', ['rubio'])).map((p) => p.id).sort()).toEqual(['luis-rubio', 'marco-rubio']);
      await store.saveQuotes(a, [{ ...rubio, mentions: 2, aliases: [...rubio.aliases, 'Sen. Rubio'] }], []);
      const [stored] = await store.getPeople(['marco-rubio']);
      expect(stored).toEqual({ ...rubio, mentions: 2, aliases: [...rubio.aliases, 'Sen. Rubio'] });
      expect((await store.peopleNamed('sen. rubio', [])).map((p) => p.id)).toEqual(['marco-rubio']);
    });

    it('suggests recently quoted people by a prefix of a name form or surname, most quoted first', async () => {
      const old = personRecord('rudy-giuliani', 'Rudy Giuliani', { lastSeen: Date.parse(at(-60 * 24 * 90)), mentions: 50 });
      await store.saveQuotes(await article('a1', feedA, 0), [{ ...rubio, mentions: 3 }, luis, old], []);
      expect((await store.suggestPeople('', at(-60), 10)).map((p) => p.id)).toEqual(['marco-rubio', 'luis-rubio']);
      expect((await store.suggestPeople('', at(-60 * 24 * 100), 10)).map((p) => p.id)).toEqual(['rudy-giuliani', 'marco-rubio', 'luis-rubio']);
      expect((await store.suggestPeople('Mar', at(-60), 10)).map((p) => p.id)).toEqual(['marco-rubio']);
      expect((await store.suggestPeople('rub', at(-60), 10)).map((p) => p.id)).toEqual(['marco-rubio', 'luis-rubio']);
      expect((await store.suggestPeople('rub', at(-60), 1)).map((p) => p.id)).toEqual(['marco-rubio']);
      expect(await store.suggestPeople('x', at(-60), 10)).toEqual([]);
    });

    it('stores a quote carried by several outlets once, with every outlet', async () => {
      const a = await article('a1', feedA, 0, { sourceName: 'A News', url: 'https://a.example/1' });
      const b = await article('b1', feedB, 10, { sourceName: 'B Times', url: 'https://b.example/1' });
      await store.saveQuotes(a, [rubio], [{ personId: 'marco-rubio', text: 'We will not back down.', cue: 'said' }]);
      await store.saveQuotes(b, [rubio], [{ personId: 'marco-rubio', text: '“We will not back down”', cue: 'said' }]);
      const all = await store.quotesBy('marco-rubio', null, { limit: 10 });
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ person: 'Marco Rubio', text: 'We will not back down.', seenAt: at(0) });
      expect(all[0]?.sources.map((s) => [s.outlet, s.url])).toEqual([
        ['A News', 'https://a.example/1'],
        ['B Times', 'https://b.example/1'],
      ]);
      // Within one chat's feeds, only the outlets it reads.
      const inA = await store.quotesBy('marco-rubio', [feedA], { limit: 10 });
      expect(inA[0]?.sources.map((s) => s.outlet)).toEqual(['A News']);
      expect(await store.quotesBy('luis-rubio', null, { limit: 10 })).toEqual([]);
      expect(await store.quotesBy('marco-rubio', [], { limit: 10 })).toEqual([]);
    });

    it('answers quotes by person and time, newest first, within scope, and the most quoted', async () => {
      for (let i = 0; i < 5; i++) {
        const a = await article(`a${i}`, i % 2 ? feedB : feedA, i * 60);
        await store.saveQuotes(a, [rubio, luis], [
          { personId: 'marco-rubio', text: `Statement number ${i}.`, cue: 'said' },
          ...(i < 2 ? [{ personId: 'luis-rubio', text: `Other words ${i}.`, cue: 'said' }] : []),
        ]);
      }
      expect((await store.quotesBy('marco-rubio', null, { limit: 3 })).map((q) => q.text)).toEqual(['Statement number 4.', 'Statement number 3.', 'Statement number 2.']);
      expect((await store.quotesBy('marco-rubio', [feedA], { limit: 10 })).map((q) => q.text)).toEqual(['Statement number 4.', 'Statement number 2.', 'Statement number 0.']);
      expect((await store.quotesBy('marco-rubio', null, { since: at(120), limit: 10 })).map((q) => q.text)).toEqual(['Statement number 4.', 'Statement number 3.']);
      const arrived = await store.quotesArrived(['marco-rubio', 'luis-rubio'], [feedA], at(-1), at(120), 10);
      expect(arrived[0]?.text).toBe('Statement number 2.');
      expect(arrived.slice(1).map((q) => q.text).sort()).toEqual(['Other words 0.', 'Statement number 0.']); // one arrival: any order
      expect(await store.mostQuoted(at(-1), 10)).toEqual([
        { id: 'marco-rubio', name: 'Marco Rubio', quotes: 5, lastQuoted: at(240) },
        { id: 'luis-rubio', name: 'Luis Rubio', quotes: 2, lastQuoted: at(60) },
      ]);
      expect((await store.mostQuoted(at(60), 10)).map((p) => p.id)).toEqual(['marco-rubio']);
    });

    it('keeps follows per chat, with alerts on or off, and moves the alert mark exactly once', async () => {
      await store.saveQuotes(await article('a1', feedA, 0), [rubio, luis], []);
      const chat = target();
      const f = await store.follow(chat, 'marco-rubio', false, at(0));
      expect(f).toMatchObject({ person: 'Marco Rubio', alerts: false, alertedUntil: at(0) });
      await store.follow(chat, 'luis-rubio', true, at(1));
      // Alerts turned on count from then; turned on again, the mark stays.
      expect(await store.follow(chat, 'marco-rubio', true, at(5))).toMatchObject({ alerts: true, alertedUntil: at(5), createdAt: at(0) });
      expect(await store.follow(chat, 'marco-rubio', true, at(9))).toMatchObject({ alerts: true, alertedUntil: at(5) });
      expect((await store.listFollows(chat)).map((x) => x.personId)).toEqual(['marco-rubio', 'luis-rubio']);
      expect(await store.listFollows(target())).toEqual([]);
      expect((await store.alertFollows()).map((x) => x.personId).sort()).toEqual(['luis-rubio', 'marco-rubio']);

      const sub = subscriptionRecord(chat, { createdAt: T0 });
      await store.saveSubscription(sub);
      const follow = (await store.listFollows(chat))[0]!;
      const row = outboxRecord(sub, `alert:marco-rubio:${at(30)}`, { createdAt: at(31) });
      expect(await store.enqueueAlert(follow, at(5), at(30), row, 2)).toBe(true);
      // A second process that read the same mark loses.
      expect(await store.enqueueAlert(follow, at(5), at(30), outboxRecord(sub, `alert:marco-rubio:${at(30)}x`, { createdAt: at(31) }), 2)).toBe(false);
      expect((await store.listFollows(chat))[0]?.alertedUntil).toBe(at(30));
      expect((await store.listDeliveries(sub.id)).map((r) => r.periodKey)).toEqual([`alert:marco-rubio:${at(30)}`]);
      expect(await store.alertsSince(chat, at(0))).toBe(1);
      expect(await store.alertsSince(chat, at(31))).toBe(0);
      // An outbox row for that period already there: the mark stays where it was.
      expect(await store.enqueueAlert(follow, at(30), at(40), outboxRecord(sub, `alert:marco-rubio:${at(30)}`, { createdAt: at(41) }), 1)).toBe(false);
      expect((await store.listFollows(chat))[0]?.alertedUntil).toBe(at(30));

      expect(await store.unfollow(chat, 'marco-rubio')).toBe(true);
      expect(await store.unfollow(chat, 'marco-rubio')).toBe(false);
      expect((await store.listFollows(chat)).map((x) => x.personId)).toEqual(['luis-rubio']);
    });
  });
}
