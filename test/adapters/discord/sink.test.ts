// Scheduled digests through the outbox and the Discord sink, against the fake Discord's channel endpoint.
import { outboxRecord, subscriptionRecord } from '../../fakes/records';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverPending } from '../../../src/app/deliver';
import { deliveryDocument } from '../../../src/core/digest/document';
import type { Digest, DigestEntry, OutboxRow, Subscription } from '../../../src/core/model';
import type { Clock, Sink } from '../../../src/core/ports';
import { type Harness, SPEAKERS, limitViolations, memoryLogger, startHarness } from './harness';

let h: Harness;
let nowMs = Date.parse('2026-11-28T07:00:00Z');
const clock: Clock = { now: () => new Date(nowMs) };
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

function entry(n: number, summaryLength = 900): DigestEntry {
  const sentence = `Council engineers *confirmed* stage ${n} of the works, with @everyone invited to <#1> and [a link](https://evil.example) in the text`;
  return {
    storyId: `s${n}`,
    headline: `Story ${n}: the works continue`,
    url: `https://news.example/story-${n}`,
    publishedAt: '2026-11-27T06:00:00Z',
    summary: [sentence.padEnd(summaryLength, ' and more detail').trim() + '.'],
    quote: { text: `We will finish part ${n} by spring`, speaker: SPEAKERS[n % SPEAKERS.length]!, cue: 'said' },
    sources: [{ name: 'News Example', url: 'https://news.example' }],
    excerptOnly: false,
  };
}

const digestOf = (entries: DigestEntry[]): Digest => ({
  timezone: 'Europe/Berlin',
  since: '2026-11-27T07:00:00Z',
  until: '2026-11-28T07:00:00Z',
  generatedAt: '2026-11-28T07:00:00Z',
  entries,
});

async function subscribedChannel(channelId: string): Promise<Subscription> {
  const sub = subscriptionRecord({ platform: 'discord', chatId: channelId }, { timezone: 'Europe/Berlin', maxStories: 10, createdAt: new Date(nowMs).toISOString() });
  await h.store.saveSubscription(sub);
  return sub;
}

async function enqueue(sub: Subscription, digest: Digest, periodKey = '2026-11-28'): Promise<OutboxRow> {
  const row = outboxRecord(sub, periodKey, { digest, createdAt: new Date(nowMs).toISOString() });
  expect(await h.store.enqueueDigest(row, null)).toBe(true);
  return row;
}

// One row at a time: two rows of one chat delivered at once could both see its subscription still active.
const deliver = () => deliverPending({ store: h.store, sinks: new Map<string, Sink>([['discord', h.bot.sink]]), clock, log: memoryLogger(h.log) }, { concurrency: 1 });
const postsIn = (channelId: string) => h.discord.posts.filter((p) => p.channelId === channelId);
const rowOf = async (sub: Subscription, id: string) => (await h.store.listDeliveries(sub.id)).find((r) => r.id === id)!;

describe('scheduled digests', () => {
  it('posts a long digest to the subscribed channel across messages, within every limit, pinging nobody', async () => {
    const channel = '530000000000000001';
    const sub = await subscribedChannel(channel);
    const row = await enqueue(sub, digestOf(Array.from({ length: 12 }, (_, i) => entry(i + 1))));
    expect(await deliver()).toMatchObject({ sent: 1, retried: 0, dropped: 0 });
    const posts = postsIn(channel);
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) {
      expect(limitViolations(p.body)).toEqual([]);
      expect(p.body.allowed_mentions).toEqual({ parse: [] });
    }
    const embeds = posts.flatMap((p) => (p.body.embeds as { title: string; description: string }[]) ?? []);
    expect(embeds).toHaveLength(12);
    expect(embeds.map((e) => e.title.split('.')[0])).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    // Article text cannot format, link or mention: its markup arrives escaped.
    expect(embeds[0]!.description).toContain('\\*confirmed\\*');
    expect(embeds[0]!.description).toContain('\\[a link\\]');
    expect(await rowOf(sub, row.id)).toMatchObject({ status: 'sent', messageIds: posts.map((p) => p.id) });
  });

  it('waits out a 429 in discord.js’s queue and posts once', async () => {
    const channel = '530000000000000002';
    h.discord.failures.set(channel, [{ status: 429, code: 0, retryAfter: 0.01, message: 'You are being rate limited.' }]);
    const outcome = await h.bot.sink.send({ platform: 'discord', chatId: channel }, deliveryDocument(digestOf([entry(1, 100)])));
    expect(outcome.kind).toBe('sent');
    expect(postsIn(channel)).toHaveLength(1);
    expect(h.discord.requests.filter((r) => r.path === `/channels/${channel}/messages`)).toHaveLength(2);
  });
});

describe('a failed send', () => {
  it('is retried later and does not resend the parts already posted', async () => {
    const channel = '540000000000000001';
    const sub = await subscribedChannel(channel);
    const row = await enqueue(sub, digestOf(Array.from({ length: 12 }, (_, i) => entry(i + 1))));
    // The first part goes out; the second meets a server error on every attempt discord.js makes.
    h.discord.failures.set(channel, [{ status: 200, code: 0 }, ...Array.from({ length: 4 }, () => ({ status: 502, code: 0, message: 'Bad Gateway' }))]);
    expect(await deliver()).toMatchObject({ sent: 0, retried: 1, dropped: 0 });
    expect(postsIn(channel)).toHaveLength(1);
    expect(await rowOf(sub, row.id)).toMatchObject({ status: 'pending', lastError: expect.stringContaining('502') as unknown });

    nowMs += 5 * 60_000;
    expect(await deliver()).toMatchObject({ sent: 1, retried: 0, dropped: 0 });
    const posts = postsIn(channel);
    // Every part was posted once: the one that went out first was not sent again.
    expect(h.discord.requests.filter((r) => r.path === `/channels/${channel}/messages`)).toHaveLength(posts.length + 4);
    const nonces = posts.map((p) => p.body.nonce);
    expect(new Set(nonces).size).toBe(posts.length);
    const embeds = posts.flatMap((p) => (p.body.embeds as unknown[]) ?? []);
    expect(embeds).toHaveLength(12);
    expect((await rowOf(sub, row.id)).messageIds).toEqual(posts.map((p) => p.id));
  });

  it('posts once when Discord stored a part but its answer was lost', async () => {
    const channel = '540000000000000002';
    h.discord.failures.set(channel, [{ status: 500, code: 0, acceptFirst: true }]);
    const outcome = await h.bot.sink.send({ platform: 'discord', chatId: channel }, deliveryDocument(digestOf([entry(1, 100)])));
    expect(postsIn(channel)).toHaveLength(1);
    expect(outcome).toEqual({ kind: 'sent', messageIds: [postsIn(channel)[0]!.id] });
  });

  it('is kept for a retry when Discord refuses the body', async () => {
    const channel = '540000000000000003';
    h.discord.failures.set(channel, [{ status: 400, code: 50035, message: 'Invalid Form Body' }]);
    const outcome = await h.bot.sink.send({ platform: 'discord', chatId: channel }, deliveryDocument(digestOf([entry(1, 100)])));
    expect(outcome).toMatchObject({ kind: 'retry', reason: expect.stringContaining('50035') as unknown });
  });
});

describe('a lost channel', () => {
  it('ends the subscription once, with a note in the log, when the bot may no longer post', async () => {
    const channel = '550000000000000001';
    const sub = await subscribedChannel(channel);
    const first = await enqueue(sub, digestOf([entry(1)]), '2026-11-28');
    const second = await enqueue(sub, digestOf([entry(2)]), '2026-11-29');
    h.discord.forbidden.set(channel, { status: 403, code: 50013 });
    expect(await deliver()).toMatchObject({ dropped: 2 });
    expect(await h.store.getSubscription(sub.target)).toMatchObject({ active: false });
    expect((await rowOf(sub, first.id)).status).toBe('dropped');
    expect((await rowOf(sub, second.id)).status).toBe('dropped');
    const notes = h.log.filter((l) => l.msg === 'subscription ended: chat unreachable' && (l.obj as { chat: string }).chat === channel);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.obj).toMatchObject({ reason: expect.stringContaining('50013') as unknown });
    expect(postsIn(channel)).toHaveLength(0);
  });

  it.each([
    [50001, 403],
    [10003, 404],
  ])('treats Discord %i as gone', async (code, status) => {
    const channel = `56000000000000${code}`;
    h.discord.forbidden.set(channel, { status, code });
    const outcome = await h.bot.sink.send({ platform: 'discord', chatId: channel }, deliveryDocument(digestOf([entry(1, 100)])));
    expect(outcome).toMatchObject({ kind: 'gone', reason: expect.stringContaining(String(code)) as unknown });
  });
});

describe('a long rate limit', () => {
  it('does not hold a send: it is retried when the limit ends, and nothing is lost or posted', async () => {
    const channel = '599000000000000001';
    h.discord.failures.set(channel, [{ status: 429, code: 0, retryAfter: 3600, message: 'You are being rate limited.' }]);
    const outcome = await h.bot.sink.send({ platform: 'discord', chatId: channel }, deliveryDocument(digestOf([entry(1, 100)])));
    expect(outcome).toMatchObject({ kind: 'retry', afterMs: expect.any(Number) as unknown, reason: expect.stringContaining('rate limited') as unknown });
    expect((outcome as { afterMs: number }).afterMs).toBeGreaterThanOrEqual(3_600_000);
    expect(postsIn(channel)).toHaveLength(0);
  });
});
