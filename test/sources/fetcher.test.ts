// The safe fetcher against a hostile local server: bombs, slow bodies, huge bodies, redirect chains, rate limits.
import { constants, createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../../src/sources/http/fetcher';
import { type FeedServer, startFeedServer } from '../fakes/feed-server';

let server: FeedServer;
let fetcher: Fetcher;
const MiB = 1024 * 1024;

/** 200 MiB of zeros gzipped, written a MiB at a time: the test process never holds the inflated bytes itself. */
async function gzipOfZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MiB);
  for (let left = bytes; left > 0; left -= MiB) if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(out);
}

beforeAll(async () => {
  server = await startFeedServer();
  fetcher = createFetcher({ allowPrivateNetworks: true, timeoutMs: 1500, maxBytes: 5 * MiB });
  const bomb = await gzipOfZeros(200 * MiB);
  server.routes.set('/gzip-bomb', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': bomb.length });
    res.end(bomb);
  });
  server.routes.set('/gzip-ok', (_req, res) => {
    const body = gzipSync('<rss version="2.0"><channel><title>Zipped</title></channel></rss>');
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
    res.end(body);
  });
  const big = Buffer.alloc(16 * MiB, 'a');
  server.routes.set('/16mib', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': big.length });
    res.end(big);
  });
  server.routes.set('/16mib-chunked', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(big);
  });
  server.routes.set('/slow-loris', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    // A byte every 25 ms: never idle long enough for a per-read timeout, so only the whole-request limit stops it.
    const timer = setInterval(() => res.write('<'), 25);
    res.on('close', () => clearInterval(timer));
  });
  server.routes.set('/no-headers', () => {
    // never answers
  });
  for (let i = 1; i <= 7; i++) {
    server.routes.set(`/hop/${i}`, (_req, res) => {
      res.writeHead(301, { location: i === 1 ? '/feeds/rss2-basic.xml' : `/hop/${i - 1}` }).end();
    });
  }
  server.routes.set('/temporary', (_req, res) => res.writeHead(302, { location: '/hop/1' }).end());
  server.routes.set('/conditional', (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Sat, 01 Jun 2025 00:00:00 GMT') return res.writeHead(304).end();
    res.writeHead(200, { etag: '"v1"', 'last-modified': 'Sat, 01 Jun 2025 00:00:00 GMT', 'cache-control': 'public, max-age=600' }).end('<rss version="2.0"><channel><title>C</title></channel></rss>');
  });
  server.routes.set('/429', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
  server.routes.set('/503', (_req, res) => res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end());
  let inFlight = 0;
  let peak = 0;
  server.routes.set('/concurrency/peak', (_req, res) => res.end(String(peak)));
  server.routes.set('/concurrency', (_req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end('ok');
    }, 50);
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const code = async (path: string, f = fetcher) => {
  const r = await f.fetch(`${server.url}${path}`);
  return r.ok ? `ok ${r.value.status}` : r.error.code;
};

describe('the safe fetcher', () => {
  it('stops a gzip bomb at the decompressed cap', async () => {
    // The peak of Buffer memory while the bomb is read, sampled as it goes: a fetcher that inflated the whole
    // 200 MiB would hold it here before failing, one that stops at the 5 MiB cap holds a few MiB.
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 1);
    const outcome = await code('/gzip-bomb');
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(outcome).toBe('fetch/too-large');
    expect(peak - before).toBeLessThan(32 * MiB);
  });

  it('decompresses an ordinary gzip body', async () => {
    const r = await fetcher.fetch(`${server.url}/gzip-ok`);
    expect(r.ok && r.value.body.toString()).toContain('Zipped');
  });

  it('refuses a 16 MiB body, announced or chunked', async () => {
    expect(await code('/16mib')).toBe('fetch/too-large');
    expect(await code('/16mib-chunked')).toBe('fetch/too-large');
  });

  it('gives up on a slow-loris body and on a server that never answers', async () => {
    // The same limit as in production, made short: 200 ms instead of seconds of waiting.
    const impatient = createFetcher({ allowPrivateNetworks: true, timeoutMs: 200 });
    try {
      expect(await code('/slow-loris', impatient)).toBe('fetch/timeout');
      expect(await code('/no-headers', impatient)).toBe('fetch/timeout');
      const r = await impatient.fetch(`${server.url}/no-headers`);
      expect(r.ok ? '' : r.error.message).toMatch(/did not answer within 200 ms\.$/u);
    } finally {
      await impatient.close();
    }
  });

  it('follows at most five redirects, and reports a permanent move', async () => {
    const five = await fetcher.fetch(`${server.url}/hop/5`);
    expect(five.ok && five.value.movedTo).toBe(`${server.url}/feeds/rss2-basic.xml`);
    expect(await code('/hop/6')).toBe('fetch/too-many-redirects');
    const temporary = await fetcher.fetch(`${server.url}/temporary`);
    expect(temporary.ok && temporary.value.movedTo).toBeNull();
  });

  it('sends validators and treats 304 as no work', async () => {
    const first = await fetcher.fetch(`${server.url}/conditional`);
    if (!first.ok) throw first.error;
    expect(first.value.maxAgeMs).toBe(600_000);
    const second = await fetcher.fetch(`${server.url}/conditional`, { etag: first.value.etag, lastModified: first.value.lastModified });
    expect(second.ok && second.value.notModified).toBe(true);
    expect(second.ok && second.value.body.length).toBe(0);
  });

  it('honours Retry-After on 429 and 503', async () => {
    const r429 = await fetcher.fetch(`${server.url}/429`);
    expect(r429.ok ? null : [r429.error.code, r429.error.details.retryAfterMs]).toEqual(['fetch/rate-limited', 120_000]);
    const r503 = await fetcher.fetch(`${server.url}/503`);
    expect(r503.ok ? null : r503.error.code).toBe('fetch/rate-limited');
    expect(r503.ok ? 0 : (r503.error.details.retryAfterMs as number)).toBeGreaterThan(3_000_000);
  });

  it('says what an HTTP error or a dead port is', async () => {
    expect(await code('/missing')).toBe('fetch/http-status');
    const dead = await fetcher.fetch('http://127.0.0.1:1/');
    expect(dead.ok ? null : dead.error.code).toBe('fetch/network');
    const bad = await fetcher.fetch('ftp://example.org/x');
    expect(bad.ok ? null : bad.error.code).toBe('fetch/bad-url');
  });

  it('sends a real User-Agent', async () => {
    await fetcher.fetch(`${server.url}/feeds/rss2-basic.xml`);
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/^Tidings\/\d/);
  });

  it('counts the time limit from when a request gets its slot, not while it waits behind others', async () => {
    // One slot, requests of 50 ms, a 200 ms limit: the sixth in line waits 250 ms but talks for only 50 ms.
    server.routes.set('/slow-50', (_req, res) => setTimeout(() => res.end('<rss version="2.0"><channel><title>S</title></channel></rss>'), 50));
    const queued = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 1, timeoutMs: 200 });
    const codes = await Promise.all(Array.from({ length: 6 }, () => code('/slow-50', queued)));
    // The limit still holds for the talking: a server that never answers times out after 200 ms of it.
    const stuck = await code('/no-headers', queued);
    await queued.close();
    expect(codes).toEqual(Array.from({ length: 6 }, () => 'ok 200'));
    expect(stuck).toBe('fetch/timeout');
  });

  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    const limited = createFetcher({ allowPrivateNetworks: true, perHostConcurrency: 2 });
    await Promise.all(Array.from({ length: 10 }, () => limited.fetch(`${server.url}/concurrency`)));
    const peak = await limited.fetch(`${server.url}/concurrency/peak`);
    await limited.close();
    expect(peak.ok && Number(peak.value.body.toString())).toBe(2);
  });
});
