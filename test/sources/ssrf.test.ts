// The SSRF guard. A canary server counts every request that reaches it: none may. The fixture server on
// 127.0.0.1 stands in for "the internet" in the redirect cases (it is exempted); the canary lives on 127.0.0.2.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../../src/sources/http/fetcher';
import { createWebSourceWith } from '../../src/sources/web';
import { isBlockedAddress, numericIpv4 } from '../../src/sources/http/address';
import { type FeedServer, startFeedServer } from '../fakes/feed-server';

let origin: FeedServer;
let canary: FeedServer;
let loopbackCanary: FeedServer;
let strict: Fetcher;
let exempting: Fetcher;

/** A resolver with a few names of our own; everything else does not exist. */
const NAMES: Record<string, string[]> = {
  'evil.test': ['127.0.0.1'],
  'canary.test': ['127.0.0.2'],
  'rebind.test': ['127.0.0.1', '::1'],
  'mapped.test': ['::ffff:127.0.0.2'],
};
const fakeLookup = ((hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
  const found = NAMES[hostname];
  if (!found) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  callback(null, found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
}) as never;

beforeAll(async () => {
  origin = await startFeedServer('127.0.0.1');
  canary = await startFeedServer('127.0.0.2');
  loopbackCanary = await startFeedServer('127.0.0.1');
  strict = createFetcher({ allowPrivateNetworks: false, lookup: fakeLookup, timeoutMs: 3000 });
  exempting = createFetcher({ allowPrivateNetworks: false, lookup: fakeLookup, exemptAddresses: ['127.0.0.1'], timeoutMs: 3000 });
  const redirects: Record<string, string> = {
    '/to-canary': `http://127.0.0.2:${canary.port}/`,
    '/to-canary-name': `http://canary.test:${canary.port}/`,
    '/to-canary-mapped': `http://[::ffff:127.0.0.2]:${canary.port}/`,
    '/to-canary-mapped-hex': `http://[::ffff:7f00:2]:${canary.port}/`,
    '/to-canary-decimal': `http://2130706434:${canary.port}/`,
    '/to-canary-octal': `http://0177.0.0.2:${canary.port}/`,
    '/to-mapped-name': `http://mapped.test:${canary.port}/`,
    '/via-hop': '/to-canary',
    '/to-file': 'file:///etc/passwd',
  };
  for (const [path, location] of Object.entries(redirects)) origin.routes.set(path, (_req, res) => res.writeHead(302, { location }).end());
});
afterAll(async () => {
  await Promise.all([strict.close(), exempting.close(), origin.close(), canary.close(), loopbackCanary.close()]);
});

const codeOf = async (f: Fetcher, url: string) => {
  const r = await f.fetch(url);
  return r.ok ? `reached (${r.value.status})` : r.error.code;
};

describe('addresses a fetch may not reach', () => {
  const port = () => loopbackCanary.port;
  const table = [
    '127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '2130706433', '0177.0.0.1', '0x7f.0.0.1', '127.1',
    '0.0.0.0', '[::]', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '[fe80::1]', '[fc00::1]',
    '[ff02::1]', 'evil.test', 'rebind.test', 'mapped.test',
  ];
  for (const host of table) {
    it(`refuses ${host}`, async () => {
      expect(await codeOf(strict, `http://${host}:${port()}/`)).toBe('fetch/blocked-address');
    });
  }

  it('refuses every redirect into the private network, at every hop', async () => {
    for (const path of ['/to-canary', '/to-canary-name', '/to-canary-mapped', '/to-canary-mapped-hex', '/to-canary-decimal', '/to-canary-octal', '/to-mapped-name', '/via-hop']) {
      expect([path, await codeOf(exempting, `${origin.url}${path}`)]).toEqual([path, 'fetch/blocked-address']);
    }
    expect(await codeOf(exempting, `${origin.url}/to-file`)).toBe('fetch/bad-url');
  });

  it('lets nothing reach the canaries', () => {
    expect(canary.requests).toEqual([]);
    expect(loopbackCanary.requests).toEqual([]);
  });

  it('reaches the same servers when private networks are allowed', async () => {
    const open = createFetcher({ allowPrivateNetworks: true, lookup: fakeLookup });
    expect(await codeOf(open, `${origin.url}/to-canary-name`)).toBe('fetch/http-status'); // the canary's own 404
    await open.close();
    expect(canary.requests).toHaveLength(1);
    canary.requests.length = 0;
  });

  it('gives the web source a sentence a chat user can read', async () => {
    const web = createWebSourceWith({ allowPrivateNetworks: false });
    const r = await web.read(`http://127.0.0.1:${port()}/feed.xml`);
    await web.close();
    expect(r.ok ? null : r.error.userMessage).toMatch(/private or local address/);
  });
});

describe('address rules', () => {
  it('classifies addresses', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '::1', '::ffff:10.0.0.1', '::ffff:a00:1', 'fd12::1', '0.0.0.0', '255.255.255.255', 'not-an-ip'])
      expect([ip, isBlockedAddress(ip)]).toEqual([ip, true]);
    for (const ip of ['93.184.216.34', '2606:4700::1111', '8.8.8.8', '::ffff:8.8.8.8']) expect([ip, isBlockedAddress(ip)]).toEqual([ip, false]);
  });

  it('reads decimal, octal and hex IPv4 forms', () => {
    expect(numericIpv4('2130706433')).toBe('127.0.0.1');
    expect(numericIpv4('0177.0.0.1')).toBe('127.0.0.1');
    expect(numericIpv4('0x7f.1')).toBe('127.0.0.1');
    expect(numericIpv4('127.1')).toBe('127.0.0.1');
    expect(numericIpv4('example.org')).toBeNull();
  });
});
