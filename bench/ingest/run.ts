// Ingestion speed: polls FEEDS feeds served from 127.0.0.1 through the real path (safe fetcher → feed parser →
// summarize → SQLite). Round 1 is the first read of every feed (every item new, all 200). Round 2 is the steady
// state the target is about: half the feeds answer 304 to the conditional GET, the other half have published one
// new story on top of ITEMS-1 known ones. Prints feeds/s and peak memory of each round, writes JSON to
// bench/results/. Usage: npm run bench:ingest [-- FEEDS ITEMS]
// The feed servers run in a child process, so the memory measured is the polling process's alone.
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollDueFeeds } from '../../src/app/poll';
import { createConfiguredSource } from '../../src/runtime/sources';
import { openStore } from '../../src/runtime/store';
import type { Logger } from '../../src/core/ports';

const SERVE = process.argv[2] === '--serve';
const args = process.argv.slice(SERVE ? 3 : 2);
const FEEDS = Number(args[0] ?? 2000);
const ITEMS = Number(args[1] ?? 10);
const SERVERS = 16; // feeds live on many hosts in life; the fetcher limits requests per host
const CONCURRENCY = 32;

// Made-up words from syllables, so each story has its own vocabulary as real ones do (names, places, numbers).
const SYLLABLES = 'ka lo mi ra te su no ve da pi ro lu fe gi ba to ne sa ri mo'.split(' ');
const word = (n: number) => SYLLABLES[n % 20]! + SYLLABLES[Math.floor(n / 20) % 20]! + SYLLABLES[Math.floor(n / 400) % 20]!;
const COMMON = 'the council said on a new plan for the city after talks with officials and workers'.split(' ');
const sentence = (seed: number, n: number) =>
  Array.from({ length: n }, (_, i) => (i % 2 ? COMMON[(seed + i) % COMMON.length] : word((seed * 7919 + i * 104729) % 8000))).join(' ');

/** The feed at a version: version v has items v … v+ITEMS-1, newest first, so each version adds one story. */
function feedXml(feed: number, version: number): string {
  const items = Array.from({ length: ITEMS }, (_, k) => {
    const i = version + ITEMS - 1 - k;
    const id = `${feed}-${i}`;
    const body = Array.from({ length: 6 }, (_, s) => `The ${sentence(feed * 31 + i * 5 + s, 12)} item ${id} said officials on Tuesday.`).join(' ');
    return `<item><title>Story ${id}: ${sentence(feed + i, 5)}</title><link>https://outlet${feed}.example/${id}</link><guid>https://outlet${feed}.example/${id}</guid><pubDate>Tue, 03 Jun 2025 08:15:00 GMT</pubDate><description><![CDATA[<p>${body}</p>]]></description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Outlet ${feed}</title><link>https://outlet${feed}.example/</link><description>x</description>\n${items}\n</channel></rss>`;
}

interface Counts {
  ok: number;
  notModified: number;
}

/** Serves every feed at its current version, answering 304 when the client already holds it. */
async function startServers(versionOf: (feed: number) => number): Promise<{ servers: Server[]; ports: number[]; counts: Counts }> {
  const counts: Counts = { ok: 0, notModified: 0 };
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let s = 0; s < SERVERS; s++) {
    const server = createServer((req, res) => {
      const feed = Number(/\/f\/(\d+)\.xml/.exec(req.url ?? '')?.[1]);
      const version = versionOf(feed);
      const etag = `"f${feed}-v${version}"`;
      if (req.headers['if-none-match'] === etag) {
        counts.notModified++;
        res.writeHead(304, { etag }).end();
        return;
      }
      counts.ok++;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedXml(feed, version));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    ports.push((server.address() as AddressInfo).port);
  }
  return { servers, ports, counts };
}

const failures = new Map<string, number>();
const quiet: Logger = {
  debug() {},
  info() {},
  warn: (o) => {
    const code = String((o as { code?: string }).code ?? 'other');
    if (code === 'fetch/network' && failures.get(code) === undefined) console.error(o);
    failures.set(code, (failures.get(code) ?? 0) + 1);
  },
  error: (o, m) => console.error(m ?? '', o),
};

interface Round {
  round: string;
  feeds: number;
  answered200: number;
  answered304: number;
  newArticles: number;
  failed: number;
  seconds: number;
  feedsPerSecond: number;
  articlesPerSecond: number;
  peakRssMB: number;
  peakHeapMB: number;
}

/** The child: serves the feeds, moves to the next round and reports its counts when the parent asks. */
async function serve(): Promise<void> {
  let round = 1;
  // Round 2: odd feeds are unchanged (304), even feeds moved on by one story.
  const { servers, ports, counts } = await startServers((feed) => (round === 2 && feed % 2 === 0 ? 1 : 0));
  process.on('message', (m: { type: string }) => {
    if (m.type === 'round') {
      round++;
      counts.ok = 0;
      counts.notModified = 0;
      process.send!({ type: 'round' });
    } else if (m.type === 'counts') process.send!({ type: 'counts', counts });
    else if (m.type === 'stop') void Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => process.disconnect());
  });
  process.send!({ type: 'ports', ports });
}

interface FeedServers {
  ports: number[];
  nextRound(): Promise<void>;
  counts(): Promise<Counts>;
  stop(): void;
}

async function startServerProcess(): Promise<FeedServers> {
  const child = fork('bin/run-ts.js', ['bench/ingest/run.ts', '--serve', String(FEEDS), String(ITEMS)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string) => new Promise<T>((resolve) => child.on('message', function on(m: { type: string } & T) {
    if (m.type !== type) return;
    child.off('message', on);
    resolve(m);
  }));
  const { ports } = await next<{ ports: number[] }>('ports');
  return {
    ports,
    nextRound: async () => {
      const ack = next<object>('round');
      child.send({ type: 'round' });
      await ack; // the next round's answers start only once the servers have moved on
    },
    counts: async () => {
      const reply = next<{ counts: Counts }>('counts');
      child.send({ type: 'counts' });
      return (await reply).counts;
    },
    stop: () => child.send({ type: 'stop' }),
  };
}

async function main() {
  const feedServers = await startServerProcess();
  const ports = feedServers.ports;
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  const source = createConfiguredSource({ FETCH_ALLOW_PRIVATE_NETWORKS: true });
  for (let i = 0; i < FEEDS; i++) await store.addFeed(`http://127.0.0.1:${ports[i % SERVERS]}/f/${i}.xml`, null);
  // The clock moves a day between rounds so every feed is due again.
  let nowMs = Date.parse('2025-06-03T09:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  const rounds: Round[] = [];
  for (const [index, name] of ['first read (all new)', 'steady state (50% 304)'].entries()) {
    if (index) await feedServers.nextRound();
    failures.clear();
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const started = performance.now();
    const report = await pollDueFeeds({ store, source, clock, log: quiet }, CONCURRENCY);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const counts = await feedServers.counts();
    rounds.push({
      round: name,
      feeds: report.polled,
      answered200: counts.ok,
      answered304: counts.notModified,
      newArticles: report.newArticles,
      failed: report.failed,
      seconds: Number(seconds.toFixed(2)),
      feedsPerSecond: Number((report.polled / seconds).toFixed(1)),
      articlesPerSecond: Number((report.newArticles / seconds).toFixed(1)),
      peakRssMB: Number((peakRss / 1048576).toFixed(1)),
      peakHeapMB: Number((peakHeap / 1048576).toFixed(1)),
    });
    if (failures.size) console.log(`${name}: failures by code:`, Object.fromEntries(failures));
    nowMs += 86_400_000;
  }
  await source.close();
  await store.close();
  feedServers.stop();
  rmSync(dir, { recursive: true, force: true });

  console.log(`\ningest benchmark: ${FEEDS} feeds × ${ITEMS} items, one process, SQLite file, ${SERVERS} local hosts, ${CONCURRENCY} feeds at a time (${process.version})\n`);
  console.log('| round | feeds | 200 | 304 | new articles | failed | seconds | feeds/s | articles/s | peak RSS MB | peak heap MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rounds)
    console.log(`| ${r.round} | ${r.feeds} | ${r.answered200} | ${r.answered304} | ${r.newArticles} | ${r.failed} | ${r.seconds} | ${r.feedsPerSecond} | ${r.articlesPerSecond} | ${r.peakRssMB} | ${r.peakHeapMB} |`);
  mkdirSync('bench/results', { recursive: true });
  const file = join('bench/results', `ingest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ feeds: FEEDS, itemsPerFeed: ITEMS, node: process.version, rounds }, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
  if (rounds.some((r) => r.failed)) process.exitCode = 1;
}

await (SERVE ? serve() : main());
