// /feeds add through the real web source: a site's address stores its feed; a refused address gets a clear reply.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler } from '../../src/app/commands';
import { toPlainText } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { Store } from '../../src/core/ports';
import { openSqliteStore } from '../../src/store/sqlite';
import { createWebSourceWith, type WebSource } from '../../src/sources/web';
import { FIXTURES, type FeedServer, startFeedServer } from '../fakes/feed-server';
import { MemoryLogger } from '../fakes/logger';

const silent = new MemoryLogger();
const chat: ChatTarget = { platform: 'test', chatId: '7' };
const clock = { now: () => new Date('2025-06-05T12:00:00Z') };
let server: FeedServer;
let store: Store;

beforeAll(async () => {
  server = await startFeedServer();
  server.routes.set('/', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(join(FIXTURES, 'pages', 'home.html'))));
  store = await openSqliteStore(':memory:');
});
afterAll(async () => {
  await store.close();
  await server.close();
});

const handler = (source: WebSource, maxFeedsPerChat?: number) =>
  createCommandHandler({
    ...(maxFeedsPerChat ? { maxFeedsPerChat } : {}),
    store,
    source,
    clock,
    log: silent,
    defaults: { time: '08:00', timezone: 'UTC', maxStories: 5, quotes: true, sendEmpty: true },
  });
const ask = (h: ReturnType<typeof handler>, args: string, target: ChatTarget = chat) => h({ target, chatKind: 'private', isAdmin: true, name: 'feeds', args });
const feedReads = (path: string) => server.requests.filter((r) => r.path === path).length;

describe('/feeds add', () => {
  it('stores the feed a site announces, and reads it at once', async () => {
    const source = createWebSourceWith({ allowPrivateNetworks: true });
    const r = await ask(handler(source), `add ${server.url}/`);
    await source.close();
    expect(toPlainText(r.doc)).toMatch(/Added Dev Journal/);
    const feeds = await store.listFeeds(chat);
    expect(feeds.map((f) => f.url)).toEqual([`${server.url}/feeds/atom10-basic.xml`]);
    const arrived = await store.articlesArrived([feeds[0]!.id], '2025-06-01T00:00:00Z', '2025-06-06T00:00:00Z');
    expect(arrived.map((a) => a.title).sort()).toEqual(['Older post', 'Shipping the new parser']);
  });

  it('refuses a private address with a sentence, and saves nothing', async () => {
    const source = createWebSourceWith({ allowPrivateNetworks: false });
    const before = (await store.listAllFeeds()).length;
    const r = await ask(handler(source), `add ${server.url}/feeds/rss2-basic.xml`);
    await source.close();
    expect(r.ephemeral).toBe(true);
    expect(toPlainText(r.doc)).toMatch(/private or local address/);
    expect((await store.listAllFeeds()).length).toBe(before);
  });

  it('downloads the feed once, and says a feed already here is already here', async () => {
    const source = createWebSourceWith({ allowPrivateNetworks: true });
    const h = handler(source);
    const other: ChatTarget = { platform: 'test', chatId: 'once' };
    const earlier = feedReads('/feeds/rss2-basic.xml'); // reads by other tests before this one
    const r = await ask(h, `add ${server.url}/feeds/rss2-basic.xml`, other);
    expect(toPlainText(r.doc)).toMatch(/^Added /);
    expect(feedReads('/feeds/rss2-basic.xml')).toBe(earlier + 1);
    const [feed] = await store.listFeeds(other);
    expect((await store.articlesArrived([feed!.id], '2000-01-01T00:00:00Z', '2030-01-01T00:00:00Z')).length).toBeGreaterThan(0);
    const again = await ask(h, `add ${server.url}/feeds/rss2-basic.xml`, other);
    await source.close();
    expect(toPlainText(again.doc)).toMatch(/already one of this chat’s feeds/);
    expect(toPlainText(again.doc)).not.toMatch(/Added/);
    expect(feedReads('/feeds/rss2-basic.xml')).toBe(earlier + 1);
    expect(await store.listFeeds(other)).toHaveLength(1);
  });

  it('refuses a web page that is not a feed, and saves nothing', async () => {
    const source = createWebSourceWith({ allowPrivateNetworks: true });
    const target: ChatTarget = { platform: 'test', chatId: 'page' };
    const r = await ask(handler(source), `add ${server.url}/pages/article.html`, target);
    await source.close();
    expect(r.ephemeral).toBe(true);
    expect(toPlainText(r.doc)).toMatch(/is a web page, not a feed\. Give the site’s feed instead .*can still be summarized/);
    expect(await store.listFeeds(target)).toEqual([]);
  });

  it('refuses a feed beyond the chat’s limit with the limit and the way out', async () => {
    const source = createWebSourceWith({ allowPrivateNetworks: true });
    const target: ChatTarget = { platform: 'test', chatId: 'full' };
    const h = handler(source, 2);
    expect(toPlainText((await ask(h, `add ${server.url}/feeds/rss2-basic.xml`, target)).doc)).toMatch(/^Added/);
    expect(toPlainText((await ask(h, `add ${server.url}/feeds/atom10-basic.xml`, target)).doc)).toMatch(/^Added/);
    const third = await ask(h, `add ${server.url}/feeds/jsonfeed11.json`, target);
    await source.close();
    expect(toPlainText(third.doc)).toMatch(/already has 2 feeds, the most a chat can have \(2\)\. Remove one with \/feeds remove N/);
    expect(await store.listFeeds(target)).toHaveLength(2);
  });
});
