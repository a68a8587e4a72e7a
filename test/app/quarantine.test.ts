// Poison work is quarantined: an item whose summary fails, or stops the process, three times is skipped for
// good and its chat told once; a feed whose read stops the process three times is paused. The attempt is
// recorded before the work starts, so restarts after a crash do not replay it forever.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ok } from '../../src/core/errors';
import type { Feed, RawItem } from '../../src/core/model';
import type { Source, Store, TextWork } from '../../src/core/ports';
import { inlineTextWork } from '../../src/app/text-work';
import { pollDueFeeds } from '../../src/app/poll';
import { MAX_ATTEMPTS } from '../../src/app/quarantine';
import { openSqliteStore } from '../../src/store/sqlite';
import { FakeClock } from '../fakes/clock';
import { MemoryLogger } from '../fakes/logger';
import { RecordingSink } from '../fakes/recording-sink';

const dir = mkdtempSync(join(tmpdir(), 'tidings-quarantine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHAT = { platform: 'test', chatId: 'reader' };
const FEED_URL = 'https://news.example/feed.xml';
const item = (guid: string, title: string): RawItem => ({ guid, url: `https://news.example/${guid}`, title, text: `${title}. The council met on Tuesday and agreed the plan, officials said.`, publishedAt: '2026-05-04T06:00:00.000Z' });
const ITEMS = [item('good-1', 'A good story'), item('poison', 'The poison story'), item('good-2', 'Another good story')];

/** A source that always lists the same three items (no validators, so every poll reads them). */
const source = (hang = false): Source => ({
  read: () => (hang ? new Promise(() => undefined) : Promise.resolve(ok({ title: 'News', items: ITEMS, notModified: false, etag: null, lastModified: null, movedTo: null, retryAfterMs: null }))),
});

/** Summarizes like the service, except the poison item: it throws, or (crash) never comes back, as a process that died. */
function work(mode: 'throw' | 'crash', calls: string[], started?: () => void): TextWork {
  return {
    ...inlineTextWork,
    article: async (text, title) => {
      calls.push(title ?? '');
      if (title !== 'The poison story') return inlineTextWork.article(text, title);
      started?.();
      if (mode === 'throw') throw new Error('it took longer than 30 s');
      return new Promise(() => undefined);
    },
  };
}

async function setUp(path: string): Promise<{ store: Store; feed: Feed }> {
  const store = await openSqliteStore(path);
  const feed = await store.addFeed(FEED_URL, CHAT, 'News');
  return { store, feed };
}

/** One poll of the due feed by a fresh process (a new clock minute each time: the feed is due again). */
async function poll(store: Store, clock: FakeClock, sink: RecordingSink, textWork: TextWork, src = source()) {
  clock.advanceMinutes(60);
  return pollDueFeeds({ store, clock, log: new MemoryLogger(), source: src, sinks: new Map([['test', sink]]), work: textWork });
}

describe('quarantine', { timeout: 60_000 }, () => {
  it(`an item that fails ${MAX_ATTEMPTS} times is skipped from then on; its chat is told once`, async () => {
    const { store, feed } = await setUp(':memory:');
    const clock = new FakeClock('2026-05-04T08:00:00.000Z');
    const sink = new RecordingSink();
    const calls: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await poll(store, clock, sink, work('throw', calls));
    expect(calls.filter((c) => c === 'The poison story')).toHaveLength(MAX_ATTEMPTS);
    const told = sink.to(CHAT.chatId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/skipped the article “The poison story” from News: summarizing it failed 3 times \(it took longer than 30 s\)/);
    const stored = await store.articlesArrived([feed.id], '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    expect(stored.map((a) => a.title).sort()).toEqual(['A good story', 'Another good story']);
    await store.close();
  });

  it('an item that stops the process is not replayed by every restart: after three, it is skipped and marked', async () => {
    const path = join(dir, 'crash.db');
    await (await setUp(path)).store.close();
    const clock = new FakeClock('2026-05-04T08:00:00.000Z');
    const sink = new RecordingSink();
    const calls: string[] = [];
    for (let run = 0; run < MAX_ATTEMPTS; run++) {
      // A process that starts, reaches the poison item and dies there: its poll never returns.
      const store = await openSqliteStore(path);
      let crashed!: () => void;
      const reached = new Promise<void>((r) => (crashed = r));
      void poll(store, clock, sink, work('crash', calls, crashed));
      await reached;
    }
    const store = await openSqliteStore(path);
    await poll(store, clock, sink, work('crash', calls));
    expect(calls.filter((c) => c === 'The poison story')).toHaveLength(MAX_ATTEMPTS);
    expect(sink.to(CHAT.chatId)).toEqual([expect.stringMatching(/skipped the article “The poison story” from News: summarizing it failed 3 times \(it stopped the bot 3 times\)/)]);
    await poll(store, clock, sink, work('crash', calls));
    expect(calls.filter((c) => c === 'The poison story')).toHaveLength(MAX_ATTEMPTS);
    expect(sink.to(CHAT.chatId)).toHaveLength(1);
  });

  it('a feed whose read stops the process three times is paused, and its chat told once', async () => {
    const path = join(dir, 'feed-crash.db');
    const { feed } = await setUp(path).then(async (s) => (await s.store.close(), s));
    const clock = new FakeClock('2026-05-04T08:00:00.000Z');
    const sink = new RecordingSink();
    for (let run = 0; run < MAX_ATTEMPTS; run++) {
      const store = await openSqliteStore(path);
      void poll(store, clock, sink, inlineTextWork, source(true));
      await new Promise((r) => setTimeout(r, 50)); // the read has begun (and never ends): the process dies here
    }
    const store = await openSqliteStore(path);
    const report = await poll(store, clock, sink, inlineTextWork, source(true));
    expect(report.paused).toBe(1);
    expect((await store.getFeed(feed.id))?.enabled).toBe(false);
    expect(sink.to(CHAT.chatId)).toEqual([`I paused the feed ${FEED_URL}: reading it stopped me 3 times. Add it again with /feeds add to retry.`]);
    expect((await poll(store, clock, sink, inlineTextWork, source(true))).polled).toBe(0);
  });
});
