// Chats that read the same feeds with the same settings over the same window share one built digest; each still
// gets its own outbox row (one per subscription and period), and a chat unlike the others gets its own digest.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDueDigests } from '../../src/app/digests';
import type { Store } from '../../src/core/ports';
import { type World, world } from './helpers';

let w: World;
afterEach(async () => w?.store.close());

/** The store, counting the article reads a build makes (one per digest built). */
function counting(store: Store): { store: Store; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'articlesUpTo') return (...args: Parameters<Store['articlesUpTo']>) => (reads++, target.articlesUpTo(...args));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, reads: () => reads };
}

describe('shared builds', () => {
  it('builds one digest for chats alike, and one for each chat that differs', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const alike = [await w.subscribe(), await w.subscribe(), await w.subscribe()];
    const picky = await w.subscribe({ topics: ['bridge'] });
    const ownFeed = await w.subscribe();
    await w.store.addFeed('https://own.example/feed.xml', ownFeed.target);
    await w.article({ title: 'New bridge opens' });
    await w.article({ title: 'Rail strike ends' });
    w.clock.set('2026-05-04T08:00:00Z');
    const { store, reads } = counting(w.store);
    expect(await buildDueDigests({ store, clock: w.clock, log: w.log })).toBe(5);
    expect(reads()).toBe(3); // the three alike share one; the picky chat and the one with its own feed get theirs
    const headlines = async (id: string) => (await w.store.listDeliveries(id)).map((r) => r.digest.entries.map((e) => e.headline).sort());
    for (const s of [...alike, ownFeed]) expect(await headlines(s.id)).toEqual([['New bridge opens', 'Rail strike ends']]);
    expect(await headlines(picky.id)).toEqual([['New bridge opens']]);
    // Built once per (subscription, period): a second look builds nothing.
    expect(await buildDueDigests({ store, clock: w.clock, log: w.log })).toBe(0);
    expect(reads()).toBe(3);
  });
});
