// The "covered up to" mark is the article ingest sequence, not a time: an article a slow batch stamped before a
// digest but stored after it reaches the next digest, once; a digest covers everything stored when it is built.
import { afterEach, describe, expect, it } from 'vitest';
import { type World, world } from './helpers';

let w: World;
afterEach(async () => w?.store.close());

const headlines = async (subscriptionId: string) => (await w.store.listDeliveries(subscriptionId)).map((r) => [r.periodKey, r.digest.entries.map((e) => e.headline)]);

describe('the covered-up-to mark', () => {
  it('a first digest takes in what arrived seconds before it was built', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'UTC' });
    w.clock.set('2026-05-04T07:59:30Z');
    await w.article({ title: 'Arrived half a minute before' });
    w.clock.set('2026-05-04T08:00:00Z');
    expect(await w.runUntil('2026-05-04T08:00:00Z')).toEqual(['2026-05-04T08:00:00.000Z']);
    expect(await headlines(sub.id)).toEqual([['2026-05-04', ['Arrived half a minute before']]]);
  });

  it('an article stamped before a digest but stored after it reaches the next digest, and only that one', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'UTC' });
    await w.article({ title: 'Before the first digest' });
    expect(await w.runUntil('2026-05-04T08:01:00Z')).toEqual(['2026-05-04T08:00:00.000Z']);
    // A batch that began at 07:50 and took a quarter of an hour to store: stamped before the digest.
    w.clock.set('2026-05-04T08:05:00Z');
    await w.article({ title: 'From a slow batch', ingestedAt: '2026-05-04T07:50:00.000Z' });
    expect(await w.runUntil('2026-05-06T08:00:00Z')).toEqual(['2026-05-05T08:00:00.000Z', '2026-05-06T08:00:00.000Z']);
    expect(await headlines(sub.id)).toEqual([
      ['2026-05-04', ['Before the first digest']],
      ['2026-05-05', ['From a slow batch']],
      ['2026-05-06', []],
    ]);
  });
});
