// Scale-out benchmark: the same digest fan-out and the same ingestion run by 1 and then 2 worker processes
// (plus one scheduler) on PostgreSQL + Redis, side by side. Prints a table and writes bench/results/scale-*.json.
//
//   npm run bench:scale -- [--subscribers N] [--feeds N] [--articles N] [--latency MS] [--rounds N]
//
// Runs go in ABBA order (1, 2, 2, 1 workers …) so a warm-up or a change in the machine's load does not favour
// one side; each side's figure is the mean over its runs.
//
// deliveries/s: digests already in the outbox (one per subscription) ÷ the time from kicking delivery to the
// last one accepted by the fake platform, which answers each send after --latency ms like a platform API
// round trip. articles/s: articles in new local feeds ÷ the time from adding the feeds to the last one
// stored (each summarized once at ingestion). Both run on the server's own settings (durable commits).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from '../../src/core/ports';
import { openBullQueue } from '../../src/queue/bullmq';
import { fromPackage } from '../../src/runtime/paths';
import { startHoldingPlatform } from '../../test/fakes/holding-platform';
import { type Proc, sandbox, seedDueSubscriptions, spawnTidings, until } from '../../test/scale/cluster';
import { REDIS_URL } from '../../test/support/servers';

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '600' }, feeds: { type: 'string', default: '8' }, articles: { type: 'string', default: '15' }, latency: { type: 'string', default: '20' }, rounds: { type: 'string', default: '2' } },
});
const SUBSCRIBERS = Number(values.subscribers);
const FEEDS = Number(values.feeds);
const ARTICLES = Number(values.articles);
const LATENCY_MS = Number(values.latency);
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const seedDir = fromPackage('seeds');
const seedText = readFileSync(join(seedDir, readdirSync(seedDir).find((f) => f.endsWith('.txt'))!), 'utf8').replace(/^\s*date\s+\S+\s*/, '');
const paragraphs = seedText.split(/\n\s*\n/).filter((p) => p.trim());

/** FEEDS folders of ARTICLES distinct articles each, in the seed format. */
function writeFeeds(dir: string): string[] {
  return Array.from({ length: FEEDS }, (_, f) => {
    const feed = join(dir, `feed-${f}`);
    mkdirSync(feed, { recursive: true });
    for (let a = 0; a < ARTICLES; a++) {
      const rotated = [...paragraphs.slice(a % paragraphs.length), ...paragraphs.slice(0, a % paragraphs.length)];
      const text = `Desk ${f} filed report ${a} on the talks this morning.\n\n${rotated.join('\n\n')}`;
      writeFileSync(join(feed, `f${f}-a${a}.txt`), `date 2025-08-13\n${text}\n`);
    }
    return feed;
  });
}

interface Run {
  workers: number;
  deliveries: number;
  deliverySeconds: number;
  deliveriesPerSecond: number;
  articles: number;
  ingestSeconds: number;
  articlesPerSecond: number;
}

async function run(workers: number): Promise<Run> {
  const box = await sandbox();
  const store = await box.openStore();
  const platform = await startHoldingPlatform({ latencyMs: LATENCY_MS });
  const queue = openBullQueue(REDIS_URL, quiet, { prefix: box.queuePrefix });
  const procs: Proc[] = [];
  try {
    const options = { queued: { tickMs: 2_000, deliverEveryMs: 1_000, batch: 10, deliverConcurrency: 2, buildConcurrency: 2, pollConcurrency: 2 } };
    procs.push(spawnTidings(box, 'scheduler', platform.url, options));
    for (let i = 0; i < workers; i++) procs.push(spawnTidings(box, 'worker', platform.url, options));
    await Promise.all(procs.map((p) => p.ready));
    await until('the default feeds to be read', async () => (await box.count('SELECT count(*) AS n FROM articles')) > 0, 60_000, 100);

    const subs = await seedDueSubscriptions(store, SUBSCRIBERS, { due: false });
    const now = new Date().toISOString();
    const digest = { timezone: 'UTC', since: now, until: now, generatedAt: now, entries: [] };
    for (let i = 0; i < subs.length; i += 20) {
      await Promise.all(
        subs.slice(i, i + 20).map((s) =>
          store.enqueueDigest(
            { id: randomUUID(), subscriptionId: s.id, periodKey: 'bench', target: s.target, digest, status: 'pending', attempts: 0, availableAt: now, messageIds: [], lastError: null, createdAt: now, sentAt: null },
            now,
          ),
        ),
      );
    }
    const t0 = performance.now();
    for (let i = 0; i < 8; i++) await queue.add('deliver', {}, `drain:${i}`);
    await until('every digest to be delivered', () => platform.total() >= SUBSCRIBERS, 600_000, 20);
    const deliverySeconds = (performance.now() - t0) / 1000;

    const before = await box.count('SELECT count(*) AS n FROM articles');
    const feeds = writeFeeds(box.work);
    const t1 = performance.now();
    for (const f of feeds) await store.addFeed(f, null);
    await queue.add('tick', {}, 'tick:bench2');
    const expected = before + FEEDS * ARTICLES;
    await until('every article to be stored', async () => (await box.count('SELECT count(*) AS n FROM articles')) >= expected, 600_000, 50);
    const ingestSeconds = (performance.now() - t1) / 1000;

    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    return {
      workers,
      deliveries: SUBSCRIBERS,
      deliverySeconds,
      deliveriesPerSecond: SUBSCRIBERS / deliverySeconds,
      articles: FEEDS * ARTICLES,
      ingestSeconds,
      articlesPerSecond: (FEEDS * ARTICLES) / ingestSeconds,
    };
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await queue.close();
    await store.close();
    await platform.close();
    await box.drop();
  }
}

const order = Array.from({ length: Number(values.rounds) }, (_, i) => (i % 2 ? [2, 1] : [1, 2])).flat();
const all: Run[] = [];
for (const workers of order) {
  process.stderr.write(`running with ${workers} worker(s)…\n`);
  all.push(await run(workers));
}
const mean = (workers: number): Run => {
  const mine = all.filter((r) => r.workers === workers);
  const avg = (k: keyof Run) => mine.reduce((sum, r) => sum + r[k], 0) / mine.length;
  return {
    workers,
    deliveries: SUBSCRIBERS,
    deliverySeconds: avg('deliverySeconds'),
    deliveriesPerSecond: avg('deliveriesPerSecond'),
    articles: FEEDS * ARTICLES,
    ingestSeconds: avg('ingestSeconds'),
    articlesPerSecond: avg('articlesPerSecond'),
  };
};
const runs = [mean(1), mean(2)];
const [one, two] = runs as [Run, Run];
const f = (n: number, d = 1) => n.toFixed(d);
const rows = [
  ['workers', 'deliveries/s', 'delivery s', 'articles/s', 'ingest s'],
  ...runs.map((r) => [String(r.workers), f(r.deliveriesPerSecond), f(r.deliverySeconds, 2), f(r.articlesPerSecond), f(r.ingestSeconds, 2)]),
  ['2 vs 1', `×${f(two.deliveriesPerSecond / one.deliveriesPerSecond, 2)}`, '', `×${f(two.articlesPerSecond / one.articlesPerSecond, 2)}`, ''],
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) process.stdout.write(`${r.map((c, i) => c.padStart(widths[i]!)).join('  ')}\n`);

const result = {
  benchmark: 'scale',
  at: new Date().toISOString(),
  settings: { subscribers: SUBSCRIBERS, feeds: FEEDS, articlesPerFeed: ARTICLES, platformLatencyMs: LATENCY_MS, cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg() },
  runs,
  each: all,
  ratio: { deliveries: two.deliveriesPerSecond / one.deliveriesPerSecond, articles: two.articlesPerSecond / one.articlesPerSecond },
};
mkdirSync(fromPackage('bench/results'), { recursive: true });
const out = fromPackage('bench/results', `scale-${result.at.replace(/[:.]/g, '-')}.json`);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`\nwrote ${out}\n`);
process.exit(0);
