// The web source end to end: a feed, an article page, a paywalled teaser, and finding a site's feed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebSourceWith, type WebSource } from '../../src/sources/web';
import { FIXTURES, type FeedServer, startFeedServer } from '../fakes/feed-server';
import { MemoryLogger } from '../fakes/logger';

let site: FeedServer;
let quiet: FeedServer;
let source: WebSource;
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

beforeAll(async () => {
  site = await startFeedServer();
  quiet = await startFeedServer();
  source = createWebSourceWith({ allowPrivateNetworks: true });
  site.routes.set('/', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('pages/home.html')));
  site.routes.set('/old-feed', (_req, res) => res.writeHead(301, { location: '/feeds/rdf-basic.xml' }).end());
  quiet.routes.set('/', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(fixture('pages/home-no-links.html')));
  quiet.routes.set('/rss.xml', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('feeds/rss2-basic.xml')));
});
afterAll(async () => {
  await source.close();
  await Promise.all([site.close(), quiet.close()]);
});

describe('the web source', () => {
  it('reads an article page with Readability', async () => {
    const r = await source.read(`${site.url}/pages/article.html`);
    if (!r.ok) throw r.error;
    const [item] = r.value.items;
    expect(r.value.items).toHaveLength(1);
    expect(item?.title).toBe('Harbour strike ends after nine days');
    expect(item?.url).toBe(`${site.url}/news/harbour-strike-ends`);
    expect(item?.publishedAt).toBe('2025-06-04T16:20:00.000Z');
    expect(item?.excerptOnly).toBe(false);
    expect(item?.text).toContain('Dock workers voted on Wednesday to accept the new pay offer.');
    expect(item?.text).not.toContain('<p>');
  });

  it('marks a paywalled page as excerpt only, with the teaser as its text', async () => {
    const r = await source.read(`${site.url}/pages/paywall.html`);
    if (!r.ok) throw r.error;
    expect(r.value.items[0]?.excerptOnly).toBe(true);
    expect(r.value.items[0]?.text).toContain('Ministers discussed cuts to three departments');
  });

  it('completes an undated teaser from its page: the full text of a page marked paid, and the page\'s date', async () => {
    const teaser = { guid: 'g1', url: `${site.url}/pages/paywall-full-text.html`, title: 'Lead pipes', text: 'The water board voted.', publishedAt: null, excerptOnly: true };
    const item = await source.expand(teaser, `${site.url}/feeds/rss2-basic.xml`);
    expect(item.excerptOnly).toBe(false);
    expect(item.publishedAt).toBe('2025-06-10T11:30:00.000Z');
    expect(item.title).toBe('Lead pipes');
    expect(item.text).toContain('Engineers expect the first section');
  });

  it('reads a windows-1251 page by its meta charset', async () => {
    const r = await source.read(`${site.url}/pages/article-1251.html`);
    if (!r.ok) throw r.error;
    expect(r.value.items[0]?.text).toContain('Депутаты городского совета приняли бюджет');
  });

  it('finds a site feed from <link rel="alternate"> and says where it is', async () => {
    const r = await source.read(`${site.url}/`);
    if (!r.ok) throw r.error;
    expect(r.value.movedTo).toBe(`${site.url}/feeds/atom10-basic.xml`);
    expect(r.value.title).toBe('Dev Journal');
    expect(r.value.items).toHaveLength(2);
  });

  it('finds a site feed at a common path when the page names none', async () => {
    const r = await source.read(`${quiet.url}/`);
    if (!r.ok) throw r.error;
    expect(r.value.movedTo).toBe(`${quiet.url}/rss.xml`);
    expect(r.value.items.length).toBeGreaterThan(0);
  });

  it('reports a moved feed (301) with its new address', async () => {
    const r = await source.read(`${site.url}/old-feed`);
    if (!r.ok) throw r.error;
    expect(r.value.movedTo).toBe(`${site.url}/feeds/rdf-basic.xml`);
  });

  it('says plainly when a page has neither a feed nor an article', async () => {
    const empty = await startFeedServer();
    empty.routes.set('/', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>'));
    const r = await source.read(`${empty.url}/`);
    await empty.close();
    expect(r.ok ? null : r.error.code).toBe('feed/not-found');
    expect(r.ok ? '' : r.error.userMessage).toMatch(/no feed/);
  });
});

describe('feed notes and bases', () => {
  it('resolves relative links against Content-Location when the server sends one', async () => {
    const server = await startFeedServer();
    server.routes.set('/latest', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', 'content-location': '/archive/2025/feed.xml' })
        .end('<rss version="2.0"><channel><title>Moved body</title><item><title>One</title><link>one.html</link><description>Text of one.</description></item></channel></rss>'),
    );
    const web = createWebSourceWith({ allowPrivateNetworks: true });
    const r = await web.read(`${server.url}/latest`);
    await web.close();
    await server.close();
    if (!r.ok) throw r.error;
    expect(r.value.items[0]?.url).toBe(`${server.url}/archive/2025/one.html`);
  });

  it('says once per feed when items are capped and when dates cannot be read, with the date as written', async () => {
    const log = new MemoryLogger();
    const web = createWebSourceWith({ allowPrivateNetworks: true }, log);
    for (let i = 0; i < 2; i++) {
      await web.read(`${site.url}/feeds/rss2-many-items.xml`);
      await web.read(`${site.url}/feeds/rss2-dublin-core.xml`);
    }
    await web.close();
    const capped = log.lines.filter((l) => (l.obj as { total?: number }).total !== undefined);
    expect(capped).toHaveLength(1);
    expect(capped[0]?.obj).toMatchObject({ feed: `${site.url}/feeds/rss2-many-items.xml`, total: 250, kept: 200 });
    const dates = log.lines.filter((l) => (l.obj as { raw?: string }).raw !== undefined);
    expect(dates).toHaveLength(1);
    expect(dates[0]?.obj).toMatchObject({ feed: `${site.url}/feeds/rss2-dublin-core.xml`, raw: 'sometime in June', count: 1 });
    expect(dates[0]?.msg).toMatch(/dates? unreadable/);
  });

  it('reads a feed whose last end tag is cut short and notes that it was mended', async () => {
    const log = new MemoryLogger();
    const web = createWebSourceWith({ allowPrivateNetworks: true }, log);
    const r = await web.read(`${site.url}/feeds/rss2-cut-end-tag.xml`);
    await web.close();
    expect(r.ok && r.value.items.length).toBe(2);
    expect(log.lines.map((l) => l.msg)).toContain('feed is malformed: read after mending');
  });
});
