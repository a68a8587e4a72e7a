// A small news site on 127.0.0.1 (one RSS feed, one article page) and a Source that reads it over real HTTP,
// for tests that need /feeds add and /summarize without the internet. Only what those tests need is parsed.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, ok } from '../../../src/core/errors';
import type { RawItem } from '../../../src/core/model';
import type { Source } from '../../../src/core/ports';

export const ARTICLE_TEXT = [
  'The city council approved a new plan for public transport on Tuesday after a long debate.',
  'The plan adds three tram lines and doubles the number of night buses by next summer.',
  '“This is the biggest change to our streets in forty years,” said Mayor Anna Kowalska.',
  'Opponents argued that the cost would fall on small businesses in the centre.',
  'The first new tram line is due to open in the spring, the council said.',
].join(' ');

const ARTICLE = `<!doctype html><html><head><title>Council approves transport plan &amp; night buses</title></head>
<body><article><h1>Council approves transport plan &amp; night buses</h1><p>${ARTICLE_TEXT}</p></article></body></html>`;

const feed = (base: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Gazette</title>
<item><title>Harbour reopens after storm repairs</title><link>${base}/harbour</link><guid>harbour-1</guid>
<description>The harbour reopened on Monday after three weeks of repairs. “We are open for business again,” said harbour master Tom Reed. Ferries resume their normal timetable.</description></item>
</channel></rss>`;

const strip = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const tag = (xml: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1]?.trim() ?? null;

export class LocalSite {
  private constructor(
    private readonly server: Server,
    readonly base: string,
  ) {}

  static async start(): Promise<LocalSite> {
    let base = '';
    const server = createServer((req, res) => {
      if (req.url === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base));
      if (req.url === '/article') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new LocalSite(server, base);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** Reads RSS and HTML pages from 127.0.0.1 only. */
export const localHttpSource: Source = {
  async read(location) {
    if (!location.startsWith('http://127.0.0.1:')) return fail('fetch/blocked-address', `${location} is not on this machine.`);
    const res = await fetch(location);
    if (!res.ok) return fail('fetch/http-status', `${location} answered ${res.status}.`);
    const body = await res.text();
    const isFeed = (res.headers.get('content-type') ?? '').includes('xml');
    const items: RawItem[] = isFeed
      ? [...body.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({ guid: tag(m[1]!, 'guid'), url: tag(m[1]!, 'link'), title: tag(m[1]!, 'title'), text: tag(m[1]!, 'description') ?? '', publishedAt: new Date().toISOString() }))
      : [{ url: location, title: strip(tag(body, 'title') ?? ''), text: strip(tag(body, 'article') ?? body), publishedAt: new Date().toISOString() }];
    return ok({ title: isFeed ? tag(body, 'title') : null, items, notModified: false, etag: null, lastModified: null, movedTo: null, retryAfterMs: null });
  },
};
