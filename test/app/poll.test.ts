// Polling policy over a real SQLite store: intervals the feed asks for, backoff, pausing with one notice, revival,
// moves, and conditional reads through the real web source against a local server.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PollPolicy, pollDueFeeds, reusedStoryIndex } from '../../src/app/poll';
import { ingestFeed } from '../../src/app/ingest';
import { type Result, fail, ok } from '../../src/core/errors';
import type { Document } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { Sink, Source, SourceRead, Store } from '../../src/core/ports';
import { openSqliteStore } from '../../src/store/sqlite';
import { createWebSourceWith } from '../../src/sources/web';
import { FIXTURES, type FeedServer, startFeedServer } from '../fakes/feed-server';
import { MemoryLogger } from '../fakes/logger';

const policy: PollPolicy = { intervalMs: 15 * 60_000, floorMs: 5 * 60_000, maxFailures: 3 };
const silent = new MemoryLogger();
const chat: ChatTarget = { platform: 'test', chatId: '42' };
const T0 = Date.parse('2025-06-03T09:00:00Z');

const read = (over: Partial<SourceRead> = {}): SourceRead => ({
  title: 'Feed',
  items: [{ guid: 'g1', url: 'https://a.example/1', title: 'A story', text: 'The council voted on Tuesday to expand the night bus network.' }],
  notModified: false,
  etag: null,
  lastModified: null,
  movedTo: null,
  retryAfterMs: null,
  ...over,
});

/** A source that answers from a script, one answer per read, and counts reads. */
class ScriptedSource implements Source {
  reads = 0;
  constructor(public answers: Result<SourceRead>[]) {}
  async read(): Promise<Result<SourceRead>> {
    this.reads++;
    return this.answers.shift() ?? ok(read());
  }
}

class RecordingSink implements Sink {
  readonly platform = 'test';
  sent: { target: ChatTarget; doc: Document }[] = [];
  async send(target: ChatTarget, doc: Document) {
    this.sent.push({ target, doc });
    return { kind: 'sent' as const, messageIds: ['1'] };
  }
}

let store: Store;
let now = T0;
const clock = { now: () => new Date(now) };

beforeEach(async () => {
  store = await openSqliteStore(':memory:');
  now = T0;
});

const poll = (source: Source, sink = new RecordingSink()) => pollDueFeeds({ store, source, clock, log: silent, policy, sinks: new Map([['test', sink]]) });
const feedOf = async (url: string) => (await store.listAllFeeds()).find((f) => f.url === url)!;
const waitMs = async (url: string) => Date.parse((await feedOf(url)).nextPollAt!) - now;

describe('polling intervals', () => {
  it('uses the interval, or what the feed asks for within the floor and a one-day ceiling', async () => {
    const cases: [number | null, number][] = [
      [null, policy.intervalMs],
      [2 * 3_600_000, 2 * 3_600_000],
      [60_000, policy.floorMs],
      [7 * 86_400_000, 86_400_000],
    ];
    for (const [asked, expected] of cases) {
      const url = `https://feeds.example/${asked}`;
      await store.addFeed(url, null);
      now += 86_400_000 * 2; // everything is due
      await poll(new ScriptedSource([ok(read({ retryAfterMs: asked }))]));
      expect([asked, await waitMs(url)]).toEqual([asked, expected]);
      await store.removeFeed(url, null);
    }
  });

  it('backs off exponentially on failure and honours a longer Retry-After', async () => {
    const url = 'https://feeds.example/flaky';
    await store.addFeed(url, null);
    await poll(new ScriptedSource([fail('fetch/timeout', 'slow')]));
    expect(await waitMs(url)).toBe(policy.intervalMs * 2);
    expect((await feedOf(url)).lastError).toBe('fetch/timeout');
    now += policy.intervalMs * 2;
    await poll(new ScriptedSource([fail('fetch/rate-limited', 'slow down', { retryAfterMs: 5 * 3_600_000 })]));
    expect(await waitMs(url)).toBe(5 * 3_600_000);
    expect((await feedOf(url)).failures).toBe(2);
  });
});

describe('when nothing is due', () => {
  it('reads neither the sources nor the story index', async () => {
    await store.addFeed('https://feeds.example/calm', null);
    await poll(new ScriptedSource([ok(read())]));
    let indexReads = 0;
    const counting: Store = Object.assign(Object.create(store) as Store, {
      recentFingerprints: (since: string) => {
        indexReads++;
        return store.recentFingerprints(since);
      },
    });
    const source = new ScriptedSource([ok(read())]);
    const report = await pollDueFeeds({ store: counting, source, clock, log: silent, policy });
    expect([report.polled, source.reads, indexReads]).toEqual([0, 0, 0]);
    now += policy.intervalMs;
    expect((await pollDueFeeds({ store: counting, source, clock, log: silent, policy })).polled).toBe(1);
    expect(indexReads).toBe(1);
  });
});

describe('pausing and reviving', () => {
  it('pauses a feed after a run of failures, tells its chats once, and a good manual check turns it back on', async () => {
    const url = 'https://feeds.example/dead';
    await store.addFeed(url, chat);
    const sink = new RecordingSink();
    const source = new ScriptedSource(Array.from({ length: 10 }, () => fail('fetch/http-status', 'feeds.example answered HTTP 410 for /dead.')));
    for (let i = 0; i < 6; i++) {
      await poll(source, sink);
      now += 86_400_000;
    }
    const paused = await feedOf(url);
    expect(paused.enabled).toBe(false);
    expect(source.reads).toBe(policy.maxFailures);
    expect(sink.sent).toHaveLength(1);
    expect(sink.sent[0]!.target).toMatchObject(chat);
    expect(JSON.stringify(sink.sent[0]!.doc)).toMatch(/paused the feed/);

    const revived = await ingestFeed({ store, source: new ScriptedSource([ok(read())]), clock, log: silent }, paused);
    expect(revived.ok).toBe(true);
    const after = await feedOf(url);
    expect([after.enabled, after.failures, after.lastError]).toEqual([true, 0, null]);
  });

  it('follows a feed that moved for good', async () => {
    await store.addFeed('https://old.example/rss', null);
    await poll(new ScriptedSource([ok(read({ movedTo: 'https://new.example/feed.xml' }))]));
    expect((await store.listAllFeeds()).map((f) => f.url)).toEqual(['https://new.example/feed.xml']);
  });

  it('keeps going when one feed throws', async () => {
    await store.addFeed('https://a.example/rss', null);
    await store.addFeed('https://b.example/rss', null);
    let calls = 0;
    const source: Source = {
      read: async () => {
        if (calls++ === 0) throw new Error('bug');
        return ok(read());
      },
    };
    const report = await poll(source);
    expect([report.polled + report.failed, report.failed]).toEqual([2, 1]);
  });
});

describe('a worker\'s story index', () => {
  it('is read once for many jobs, shared by jobs that ask at once, and read again when a minute old', async () => {
    let reads = 0;
    const counting = new Proxy(store, {
      get: (target, key) => (key === 'recentFingerprints' ? (since: string) => (reads++, target.recentFingerprints(since)) : (Reflect.get(target, key) as (...args: unknown[]) => unknown).bind(target)),
    });
    const stories = reusedStoryIndex(60_000);
    const deps = { store: counting, clock };
    const [a, b] = await Promise.all([stories(deps), stories(deps)]);
    expect(a).toBe(b);
    now += 59_000;
    expect(await stories(deps)).toBe(a);
    expect(reads).toBe(1);
    now += 1_000;
    expect(await stories(deps)).not.toBe(a);
    expect(reads).toBe(2);
  });
});

describe('conditional reads through the web source', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    const body = readFileSync(join(FIXTURES, 'feeds', 'rss2-content-encoded.xml'));
    server.routes.set('/etag.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"e1"') return res.writeHead(304, { etag: '"e1"' }).end();
      res.writeHead(200, { etag: '"e1"', 'content-type': 'application/rss+xml' }).end(body);
    });
  });
  afterAll(() => server.close());

  it('completes teaser items from their pages on the feed\'s own site, once, and keeps the teaser when that fails', async () => {
    const other = await startFeedServer();
    const item = (path: string, base = server.url) =>
      `<item><title>${path}</title><link>${base}${path}</link><guid>${base}${path}</guid><description>Dock workers voted on a pay offer.</description></item>`;
    const otherSite = other.url.replace('127.0.0.1', 'localhost');
    server.routes.set('/teasers.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title><link>${server.url}/</link>` +
          `${item('/pages/article.html')}${item('/pages/paywall.html')}${item('/pages/gone.html')}${item('/pages/article.html', otherSite)}</channel></rss>`,
      ),
    );
    const web = createWebSourceWith({ allowPrivateNetworks: true });
    const url = `${server.url}/teasers.xml`;
    await store.addFeed(url, null);
    const first = await poll(web);
    now += 86_400_000;
    const second = await poll(web);
    await web.close();
    await other.close();
    const stored = await store.articlesArrived([(await feedOf(url)).id], new Date(0).toISOString(), new Date(now).toISOString());
    const byUrl = new Map(stored.map((a) => [a.url, a]));
    const full = byUrl.get(`${server.url}/pages/article.html`)!;
    expect([first.newArticles, second.newArticles]).toEqual([4, 0]);
    expect(full.excerptOnly).toBe(false);
    expect(full.text).toContain('Dock workers voted on Wednesday to accept the new pay offer.');
    expect(full.title).toBe('/pages/article.html'); // the feed's title and link stay
    expect(byUrl.get(`${server.url}/pages/paywall.html`)?.excerptOnly).toBe(true);
    expect(byUrl.get(`${server.url}/pages/gone.html`)?.text).toBe('Dock workers voted on a pay offer.');
    // Each page was read once (the second poll knew every item) and another site's page not at all.
    expect(server.requests.filter((r) => r.path === '/pages/article.html')).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
  });

  it('stores the validator, then gets 304 and does no work', async () => {
    const web = createWebSourceWith({ allowPrivateNetworks: true });
    const url = `${server.url}/etag.xml`;
    await store.addFeed(url, null);
    const first = await poll(web);
    expect([first.newArticles, first.notModified]).toEqual([1, 0]);
    expect((await feedOf(url)).etag).toBe('"e1"');
    now += 86_400_000;
    const second = await poll(web);
    await web.close();
    expect([second.newArticles, second.notModified, second.failed]).toEqual([0, 1, 0]);
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"e1"');
  });
});

afterAll(async () => {
  await store?.close();
});
