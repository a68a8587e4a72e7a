// What a digest holds: merged stories, ranking, topics, the empty day, and /digest on demand.
import { afterEach, describe, expect, it } from 'vitest';
import { onDemandDigest } from '../../src/app/digests';
import { NOTHING_NEW } from '../../src/core/digest/document';
import { type World, world } from './helpers';

let w: World;
afterEach(async () => w?.store.close());

const lead =
  'Officials from both countries met in Anchorage on Friday to discuss a ceasefire, and the talks ran late into the evening.';

describe('stories', () => {
  it('merges one story told by three outlets into one entry with three sources, ranked first', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00' });
    // Three outlets, three ingestion runs: different story ids, near-identical title and lead.
    await w.article({ title: 'Leaders meet in Alaska for ceasefire talks', text: lead, sourceName: 'Wire', quotes: [{ text: 'We made progress', speaker: 'Jane Doe', cue: 'said' }] });
    await w.article({ title: 'Leaders meet in Alaska for ceasefire talks', text: `${lead} More to follow.`, sourceName: 'Daily' });
    await w.article({ title: 'Leaders meet in Alaska for ceasefire talks', text: lead, sourceName: 'Herald' });
    await w.article({ title: 'Local bakery wins a prize', text: 'A small bakery on Main Street won the regional bread prize this week for its rye.', sourceName: 'Daily' });
    await w.runUntil('2026-05-04T08:00:00Z');
    const [row] = await w.store.listDeliveries(sub.id);
    const entries = row!.digest.entries;
    expect(entries).toHaveLength(2);
    expect(entries[0]!.headline).toBe('Leaders meet in Alaska for ceasefire talks');
    expect(entries[0]!.sources.map((s) => s.name).sort()).toEqual(['Daily', 'Herald', 'Wire']);
    expect(entries[0]!.quote).toEqual({ text: 'We made progress', speaker: 'Jane Doe', cue: 'said' });
    expect(entries[1]!.sources.map((s) => s.name)).toEqual(['Daily']);
    const text = w.sink.to(sub.target.chatId)[0]!;
    expect(text).toContain('“We made progress” — Jane Doe');
    expect(text).toContain('Sources:');
  });

  it('caps the digest and keeps each summary within the word budget, cut where sentences end', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ maxStories: 2, quotes: false });
    const sentence = (n: number) => `${Array.from({ length: n - 1 }, () => 'word').join(' ')} end.`;
    for (const t of ['Rail strike ends', 'Storm hits coast', 'Election date set', 'New bridge opens'])
      await w.article({ title: t, text: `${t} after a long week of events in the region of ${t}.`, summary: [sentence(25), sentence(25), sentence(25)], quotes: [{ text: 'x', speaker: 'Y', cue: 'said' }] });
    await w.runUntil('2026-05-04T08:00:00Z');
    const [row] = await w.store.listDeliveries(sub.id);
    expect(row!.digest.entries).toHaveLength(2);
    expect(row!.digest.entries.every((e) => e.summary.length === 2 && e.quote === null)).toBe(true);
  });

  it('does not repeat an untitled article\'s lede, which is its headline, in its summary', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ quotes: false });
    await w.article({ title: 'Rail strike ends after nine days', text: 'x', summary: ['Rail strike ends after nine days.', 'Trains run again on Monday.', 'Unions accepted the offer.', 'Fares stay the same.'] });
    await w.runUntil('2026-05-04T08:00:00Z');
    const [row] = await w.store.listDeliveries(sub.id);
    expect(row!.digest.entries[0]!.summary).toEqual(['Trains run again on Monday.', 'Unions accepted the offer.', 'Fares stay the same.']);
  });

  it('keeps only the stories that match the chat’s topics, and all of them when it has none', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const picky = await w.subscribe({ topics: ['alaska', 'rye'] });
    const everything = await w.subscribe();
    await w.article({ title: 'Leaders meet in Alaska', text: lead });
    await w.article({ title: 'Bakery wins prize', text: 'Its rye bread won the regional bread prize this week.' });
    await w.article({ title: 'Stocks fall', text: 'Markets fell sharply in early trading on Monday as oil prices rose.' });
    await w.article({ title: 'Alaskan salmon season opens', text: 'Fishing boats left port at dawn.' }); // "alaskan" is not "alaska"
    await w.runUntil('2026-05-04T08:00:00Z');
    const headlines = async (id: string) => (await w.store.listDeliveries(id))[0]!.digest.entries.map((e) => e.headline).sort();
    expect(await headlines(picky.id)).toEqual(['Bakery wins prize', 'Leaders meet in Alaska']);
    expect(await headlines(everything.id)).toHaveLength(4);
  });

  it('covers only what arrived since the last digest; the first covers the last 24 hours', async () => {
    w = await world('2026-05-03T06:00:00Z');
    await w.article({ title: 'Too old for the first digest' });
    w.clock.set('2026-05-03T09:00:00Z');
    await w.article({ title: 'Yesterday morning' });
    const sub = await w.subscribe({ time: '08:00' });
    w.clock.set('2026-05-04T07:00:00Z');
    await w.runUntil('2026-05-04T08:00:00Z');
    await w.article({ title: 'After the first digest' });
    await w.runUntil('2026-05-05T08:00:00Z');
    const rows = await w.store.listDeliveries(sub.id);
    expect(rows.map((r) => r.digest.entries.map((e) => e.headline))).toEqual([['Yesterday morning'], ['After the first digest']]);
  });
});

describe('a day with nothing new', () => {
  it('sends the one-line note when the chat wants it, never an empty message', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ sendEmpty: true });
    await w.runUntil('2026-05-04T08:00:00Z');
    expect(w.sink.to(sub.target.chatId)).toEqual([NOTHING_NEW]);
  });

  it('sends nothing when the chat asked for silence, and still moves its window', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ sendEmpty: false });
    expect(await w.runUntil('2026-05-04T12:00:00Z')).toEqual([]);
    expect(w.sink.sent).toEqual([]);
    const rows = await w.store.listDeliveries(sub.id);
    expect(rows.map((r) => [r.periodKey, r.status])).toEqual([['2026-05-04', 'skipped']]);
    expect((await w.store.getSubscriptionById(sub.id))!.coveredUntil).toBe('2026-05-04T08:00:00.000Z');
    await w.article({ title: 'Finally some news' });
    expect(await w.runUntil('2026-05-05T08:00:00Z')).toEqual(['2026-05-05T08:00:00.000Z']);
  });
});

describe('/digest on demand', () => {
  it('uses the same builder and leaves the scheduled window alone', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00', topics: ['alaska'] });
    await w.article({ title: 'Leaders meet in Alaska', text: lead });
    await w.article({ title: 'Stocks fall', text: 'Markets fell sharply on Monday.' });
    const now = await onDemandDigest({ store: w.store, clock: w.clock, log: w.log }, sub);
    expect(now.entries.map((e) => e.headline)).toEqual(['Leaders meet in Alaska']);
    expect((await w.store.getSubscriptionById(sub.id))!.coveredUntil).toBeNull();
    await w.runUntil('2026-05-04T08:00:00Z');
    const [row] = await w.store.listDeliveries(sub.id);
    expect(row!.digest.entries.map((e) => e.headline)).toEqual(['Leaders meet in Alaska']);
  });

  it('falls back to the past week when the last day is empty, and no further: an old story is in no digest for good', async () => {
    w = await world('2026-05-04T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00' });
    await w.article({ title: 'A sample story', publishedAt: '2025-08-13T00:00:00.000Z' });
    w.clock.advanceMinutes(3 * 24 * 60);
    expect((await onDemandDigest({ store: w.store, clock: w.clock, log: w.log }, sub)).entries.map((e) => e.headline)).toEqual(['A sample story']);
    w.clock.advanceMinutes(5 * 24 * 60);
    expect((await onDemandDigest({ store: w.store, clock: w.clock, log: w.log }, sub)).entries).toEqual([]);
  });
});
