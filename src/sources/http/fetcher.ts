// The one HTTP fetcher for every remote read. Every request is bounded: total time, decompressed size, redirects,
// and in-flight requests per host. The address a name resolves to is checked when the socket connects, on every
// hop, so a DNS answer or a redirect cannot lead a fetch into the private network.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';
import { Agent, errors as undiciErrors, request } from 'undici';
import { type Result, fail, ok } from '../../core/errors';
import { isBlockedAddress, numericIpv4 } from './address';
import { HostGate, maxAgeMs, retryAfterMs } from './limits';

export interface FetcherOptions {
  /** Allow loopback and private addresses (self-hosted feeds, tests). */
  allowPrivateNetworks: boolean;
  userAgent: string;
  /** Whole request: connect, headers and body together. */
  timeoutMs: number;
  /** Cap on the body after decompression. */
  maxBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  /** The resolver the address guard checks (dns.lookup's shape); tests give one that maps names to local addresses. */
  lookup?: typeof dnsLookup;
  /** Addresses treated as public although they are not: tests stand a local server in for "the internet". */
  exemptAddresses?: readonly string[];
}

export const DEFAULT_FETCHER_OPTIONS = {
  allowPrivateNetworks: false,
  userAgent: 'Tidings/0.1 (news digest bot; +https://github.com/tidings)',
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 4,
} satisfies Required<Omit<FetcherOptions, 'lookup' | 'exemptAddresses'>>;

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface Fetched {
  /** Where the body came from, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  body: Buffer;
  etag: string | null;
  lastModified: string | null;
  /** Every hop was a permanent redirect (301/308): the resource lives here now. */
  movedTo: string | null;
  /** How long the server asked us to wait before asking again (Cache-Control max-age), if it said. */
  maxAgeMs: number | null;
  /** The Content-Location header as sent (the body's own address, the base for its relative links), if any. */
  contentLocation: string | null;
}

export interface Fetcher {
  fetch(url: string, validators?: Validators, accept?: string): Promise<Result<Fetched>>;
  close(): Promise<void>;
}

class BlockedAddressError extends Error {
  readonly blockedAddress = true;
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/** A DNS lookup that refuses blocked addresses; undici's connector calls it for every new socket. */
type IsBlocked = (ip: string) => boolean;

const guardedLookup = (resolve: typeof dnsLookup, isBlocked: IsBlocked) => (hostname: string, options: { all?: boolean; family?: number } | number, callback: (...args: unknown[]) => void): void => {
  const opts = typeof options === 'number' ? { family: options } : (options ?? {});
  resolve(hostname, { ...opts, all: true } as { all: true }, (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
    if (err) return callback(err);
    const bad = addresses.find((a) => isBlocked(a.address));
    if (bad) return callback(new BlockedAddressError(`${hostname} resolves to ${bad.address}`));
    if (opts.all) return callback(null, addresses);
    const first = addresses[0]!;
    return callback(null, first.address, first.family);
  });
};

/** Why a URL may not be fetched at all (scheme, credentials, a literal blocked address), or null. */
function refuseUrl(url: URL, allowPrivate: boolean, isBlocked: IsBlocked): Result<never> | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('fetch/bad-url', `I can only fetch http and https addresses, not ${url.protocol}.`);
  if (url.username || url.password) return fail('fetch/bad-url', 'Addresses with a user name or password in them are not allowed.');
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = numericIpv4(host) ?? (host.includes(':') ? host : null);
  if (literal && isBlocked(literal)) return blockedFail(url.hostname);
  if (/^localhost$|\.localhost$|\.local$|\.internal$/i.test(host)) return blockedFail(url.hostname);
  return null;
}

const blockedFail = (host: string) =>
  fail('fetch/blocked-address', `${host} is a private or local address; I only fetch public web addresses.`, { host });

function decoderFor(encoding: string | undefined): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

class TooLargeError extends Error {}

const ignore = () => {};

/** Drops a body we will not read; its late errors (an abort racing the close) must not go unhandled. */
function discard(body: Readable): void {
  body.on('error', ignore);
  body.destroy();
}

/** Reads a body through its decoder, stopping as soon as the decoded bytes pass the cap. */
async function readCapped(body: Readable, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  body.on('error', ignore); // errors reach us through the iteration below; this only keeps late ones quiet
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) {
    decoder.on('error', ignore);
    body.on('error', (err) => decoder.destroy(err));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new TooLargeError();
      chunks.push(chunk as Buffer);
    }
  } finally {
    if (!body.destroyed) body.destroy();
    decoder?.destroy();
  }
  // Most feeds arrive in one chunk: hand it over rather than copy it.
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function createFetcher(options: Partial<FetcherOptions> = {}): Fetcher {
  const o: FetcherOptions = { ...DEFAULT_FETCHER_OPTIONS, ...options };
  const resolve = o.lookup ?? dnsLookup;
  const exempt = new Set(o.exemptAddresses ?? []);
  const isBlocked: IsBlocked = (ip) => !exempt.has(ip) && isBlockedAddress(ip);
  const agent = new Agent({
    connect: { timeout: o.timeoutMs, lookup: (o.allowPrivateNetworks ? resolve : guardedLookup(resolve, isBlocked)) as never },
    headersTimeout: o.timeoutMs,
    bodyTimeout: o.timeoutMs,
    connections: o.perHostConcurrency * 2,
  });
  const gate = new HostGate(o.perHostConcurrency);

  async function once(url: URL, validators: Validators | undefined, accept: string, signal: AbortSignal) {
    const headers: Record<string, string> = { 'user-agent': o.userAgent, accept, 'accept-encoding': 'gzip, deflate, br' };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    return request(url, { dispatcher: agent, method: 'GET', headers, signal });
  }

  /**
   * A kept-alive socket the server closed a moment before we reused it fails with a reset before any answer;
   * a GET is safe to send again, once, on a fresh connection.
   */
  async function onceRetryingReset(url: URL, validators: Validators | undefined, accept: string, signal: AbortSignal) {
    try {
      return await once(url, validators, accept, signal);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (signal.aborted || (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET' && code !== 'EPIPE')) throw err;
      return once(url, validators, accept, signal);
    }
  }

  /** One request on a held slot: a redirect to follow, an answer without a body, or a 200 with its capped body. */
  async function exchange(url: URL, validators: Validators | undefined, accept: string, signal: AbortSignal) {
    const r = await onceRetryingReset(url, validators, accept, signal);
    const location = header(r.headers, 'location');
    if (r.statusCode >= 300 && r.statusCode < 400 && r.statusCode !== 304 && location) {
      discard(r.body);
      return { redirect: location, status: r.statusCode } as const;
    }
    if (r.statusCode !== 200) {
      discard(r.body);
      return { status: r.statusCode, headers: r.headers, body: Buffer.alloc(0) } as const;
    }
    const length = Number(header(r.headers, 'content-length'));
    const encoding = header(r.headers, 'content-encoding');
    if (!encoding && length > o.maxBytes) {
      discard(r.body);
      throw new TooLargeError();
    }
    return { status: 200, headers: r.headers, body: await readCapped(r.body, encoding, o.maxBytes) } as const;
  }

  async function fetchUrl(raw: string, validators: Validators | undefined, accept: string): Promise<Result<Fetched>> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail('fetch/bad-url', `“${raw.slice(0, 100)}” is not a web address; one looks like https://example.org/feed.xml.`);
    }
    const controller = new AbortController();
    // The time limit counts only time spent talking to the site: waiting for a free slot on a busy host is
    // not the site's slowness, and a long queue behind the per-host limit must not time out unasked feeds.
    let budgetMs = o.timeoutMs;
    let permanent = true;
    try {
      for (let hop = 0; ; hop++) {
        const refused = refuseUrl(url, o.allowPrivateNetworks, isBlocked);
        if (refused) return refused;
        const res = await gate.run(url.host, async () => {
          const started = Date.now();
          const timer = setTimeout(() => controller.abort(), budgetMs);
          try {
            return await exchange(url, hop === 0 ? validators : undefined, accept, controller.signal);
          } finally {
            clearTimeout(timer);
            budgetMs = Math.max(0, budgetMs - (Date.now() - started));
          }
        });
        if ('redirect' in res) {
          if (hop >= o.maxRedirects) return fail('fetch/too-many-redirects', `${raw} redirects more than ${o.maxRedirects} times; give me the final address.`);
          if (res.status !== 301 && res.status !== 308) permanent = false;
          url = new URL(res.redirect ?? "", url);
          continue;
        }
        const h = res.headers;
        if (res.status === 429 || res.status === 503) {
          const wait = retryAfterMs(header(h, 'retry-after'), Date.now());
          return fail('fetch/rate-limited', `${url.host} asked me to slow down (HTTP ${res.status}); I will try again later.`, { status: res.status, retryAfterMs: wait });
        }
        if (res.status !== 200 && res.status !== 304) {
          return fail('fetch/http-status', `${url.host} answered HTTP ${res.status} for ${url.pathname}.`, { status: res.status });
        }
        return ok({
          url: url.toString(),
          status: res.status,
          notModified: res.status === 304,
          contentType: header(h, 'content-type') ?? null,
          body: res.body,
          etag: header(h, 'etag') ?? null,
          lastModified: header(h, 'last-modified') ?? null,
          movedTo: hop > 0 && permanent ? url.toString() : null,
          maxAgeMs: maxAgeMs(header(h, 'cache-control')),
          contentLocation: header(h, 'content-location') ?? null,
        });
      }
    } catch (err) {
      return failureOf(err, url, controller.signal.aborted, o);
    }
  }

  return {
    fetch: (url, validators, accept = ACCEPT) => fetchUrl(url, validators, accept),
    close: () => agent.close(),
  };
}

function failureOf(err: unknown, url: URL, timedOut: boolean, o: FetcherOptions): Result<never> {
  const e = err as Error & { code?: string; cause?: unknown };
  const cause = e.cause as (Error & { code?: string }) | undefined;
  if (e instanceof TooLargeError) return fail('fetch/too-large', `${url.host} sent more than ${Math.round(o.maxBytes / 1048576)} MB; that is too large to be a feed or an article.`);
  if (e instanceof BlockedAddressError || cause instanceof BlockedAddressError) return blockedFail(url.hostname);
  if (timedOut || e instanceof undiciErrors.HeadersTimeoutError || e instanceof undiciErrors.BodyTimeoutError || e instanceof undiciErrors.ConnectTimeoutError)
    return fail('fetch/timeout', `${url.host} did not answer within ${o.timeoutMs < 1_000 ? `${o.timeoutMs} ms` : `${Math.round(o.timeoutMs / 1000)} seconds`}.`);
  if (e.code === 'ENOTFOUND' || cause?.code === 'ENOTFOUND') return fail('fetch/network', `There is no site at ${url.host} (the name does not resolve).`);
  if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR' || e.code === 'ERR__ERROR_FORMAT_PADDING_1')
    return fail('fetch/network', `${url.host} sent a body I could not decompress.`);
  return fail('fetch/network', `I could not reach ${url.host} (${e.code ?? cause?.code ?? e.message}).`);
}
