// 100,000 subscriptions on PostgreSQL + Redis: what the scheduler reads per tick, how fast due digests are built,
// and whether two senders sharing one Telegram budget through Redis stay under the platform's limits.
// Prints a table and writes bench/results/scale100k-*.json.
//
//   npm run bench:scale100k -- [--subscriptions N] [--feeds N] [--ticks N] [--build N] [--sends N]
//
// tick: the scheduler's look for due work (due subscriptions by index, due feeds by index), at an instant with
//   nothing due and at one when a zone's 08:00 has come; beside it the whole-table read it replaced
//   (listSubscriptions filtered by dueDigest), alternated in the same run; medians over --ticks runs.
// build: buildDueDigests over the zone that is due (about N/24 digests), time per 1,000.
// delivery: two TelegramSenders, each with its own Redis connection and its own in-process gate (as two
//   worker processes have), send --sends messages at once to the fake Bot API, which keeps Telegram's limits
//   (30/s overall, 1/s per chat, 20/min per group) and answers 429 beyond them; the rate is the messages over
//   the time from the first to the last arrival, against the 30/s cap. Then the same without the shared budget.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import pg from 'pg';
import { TelegramSender, type SendMessageCall } from '../../src/adapters/telegram/sender';
import { buildDueDigests } from '../../src/app/digests';
import { type Subscription } from '../../src/core/model';
import type { Logger } from '../../src/core/ports';
import { DEFAULT_GRACE_MS, dueDigest } from '../../src/core/schedule/due';
import { RedisRate } from '../../src/queue/redis-rate';
import { openPostgresStore } from '../../src/store/postgres';
import { fromSubscription } from '../../src/store/sql/rows';
import type { SqlStore } from '../../src/store/sql/store';
import { subscriptionRecord, articleRecord } from '../../test/fakes/records';
import { POSTGRES_URL, REDIS_URL } from '../../test/support/servers';

const { values } = parseArgs({
  options: {
    subscriptions: { type: 'string', default: '100000' },
    feeds: { type: 'string', default: '2000' },
    ticks: { type: 'string', default: '7' },
    build: { type: 'string', default: '2000' },
    sends: { type: 'string', default: '600' },
  },
});
const SUBS = Number(values.subscriptions);
const FEEDS = Number(values.feeds);
const TICKS = Number(values.ticks);
const BUILD = Number(values.build);
const SENDS = Number(values.sends);
const TOKEN = '123456789:AAHbenchmarkToken_0123456789abcdef';
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const rssTimer = setInterval(sampleRss, 200);

// 24 zones, one per UTC offset hour; every subscription reads 08:00 local.
const ZONES = ['Etc/GMT+11', 'Etc/GMT+10', 'Etc/GMT+9', 'Etc/GMT+8', 'Etc/GMT+7', 'Etc/GMT+6', 'Etc/GMT+5', 'Etc/GMT+4', 'Etc/GMT+3', 'Etc/GMT+2', 'Etc/GMT+1', 'UTC', 'Etc/GMT-1', 'Etc/GMT-2', 'Etc/GMT-3', 'Etc/GMT-4', 'Etc/GMT-5', 'Etc/GMT-6', 'Etc/GMT-7', 'Etc/GMT-8', 'Etc/GMT-9', 'Etc/GMT-10', 'Etc/GMT-11', 'Etc/GMT-12'];

const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
const store = (await openPostgresStore(POSTGRES_URL, { schema, max: 8 })) as SqlStore;
const redisPrefix = `tidings-bench-${randomUUID().slice(0, 8)}`;

try {
  // ── seed: feeds, a few articles each, subscriptions over 24 zones, each chat linked to two feeds ──
  const created = '2026-03-01T00:00:00.000Z';
  // Every subscription's last digest was at 07:59 UTC: at 08:00 UTC exactly one zone (UTC's) is due.
  const COVERED = '2026-03-02T07:59:00.000Z';
  const seedStart = performance.now();
  const feedIds: string[] = [];
  for (let i = 0; i < FEEDS; i++) feedIds.push((await store.addFeed(`https://feed${i}.example/rss`, i < 10 ? null : { platform: 'telegram', chatId: 'seed', threadId: null })).id);
  // Stored in the minute before 08:00 UTC, after every subscription's last digest (07:59): each due digest has news.
  for (let i = 0; i < FEEDS * 3; i++) await store.saveArticle(articleRecord(`a${i}`, feedIds[i % FEEDS]!, new Date(Date.parse('2026-03-02T07:59:01Z') + i).toISOString()));
  for (let i = 0; i < SUBS; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, SUBS - i) }, (_, k) =>
      subscriptionRecord({ platform: 'telegram', chatId: String(10_000_000 + i + k), threadId: null }, { timezone: ZONES[(i + k) % 24]!, time: '08:00', createdAt: created, coveredUntil: COVERED }),
    );
    await store.db.insertInto('subscriptions').values(chunk.map(fromSubscription)).execute();
    const links = chunk.flatMap((s, k) => [feedIds[(i + k) % FEEDS]!, feedIds[(i + k + 7) % FEEDS]!].map((feed_id) => ({ target_key: `telegram:${s.target.chatId}`, target: JSON.stringify({ ...s.target }), feed_id, added_at: created })));
    await store.db.insertInto('chat_feeds').values(links).onConflict((oc) => oc.doNothing()).execute();
  }
  await admin.query(`ANALYZE "${schema}".subscriptions; ANALYZE "${schema}".feeds; ANALYZE "${schema}".articles`);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // Every feed polled a while ago, next due in an hour: a tick finds none due.
  await store.db.updateTable('feeds').set({ next_poll_at: '2026-03-02T09:00:00.000Z' }).execute();

  // ── tick: the index reads against the whole-table read they replaced, alternated ──
  const tickAt = async (now: string) => {
    const t0 = performance.now();
    let rows = 0;
    for (let page = await store.dueSubscriptions(now, 1000); ; page = await store.dueSubscriptions(now, 1000, page.next)) {
      rows += page.subscriptions.length;
      if (!page.next) break;
    }
    rows += (await store.dueFeeds(now, 5000)).length;
    return { ms: performance.now() - t0, rows };
  };
  const oldTickAt = async (now: string) => {
    const t0 = performance.now();
    const ms = Date.parse(now);
    const all = await store.listSubscriptions();
    const due = all.filter((s: Subscription) => dueDigest(s, ms, DEFAULT_GRACE_MS)).length;
    const feeds = (await store.listAllFeeds()).filter((f) => f.enabled && (!f.nextPollAt || Date.parse(f.nextPollAt) <= ms)).length;
    return { ms: performance.now() - t0, rows: all.length + (await store.listAllFeeds()).length, due: due + feeds };
  };
  const idleAt = '2026-03-02T07:59:30.000Z'; // before UTC's 08:00, after the others' last one: nothing due
  const dueAt = '2026-03-02T08:00:30.000Z'; // UTC's 08:00: one zone (1/24) is due
  const ticks: Record<string, number[]> = { idleNew: [], idleOld: [], dueNew: [], dueOld: [] };
  let idleRows = -1;
  let dueRows = -1;
  let oldRows = -1;
  for (let r = 0; r < TICKS; r++) {
    const order = r % 2 === 0 ? ['new', 'old'] : ['old', 'new'];
    for (const side of order) {
      if (side === 'new') {
        const idle = await tickAt(idleAt);
        const due = await tickAt(dueAt);
        ticks.idleNew!.push(idle.ms);
        ticks.dueNew!.push(due.ms);
        idleRows = idle.rows;
        dueRows = due.rows;
      } else {
        ticks.idleOld!.push((await oldTickAt(idleAt)).ms);
        const old = await oldTickAt(dueAt);
        ticks.dueOld!.push(old.ms);
        oldRows = old.rows;
      }
      sampleRss();
    }
  }

  // ── build: the due zone's digests (up to --build of them) ──
  const clock = { now: () => new Date(dueAt) };
  let built = 0;
  const buildStart = performance.now();
  const limitTo = new Set((await store.dueSubscriptions(dueAt, BUILD)).subscriptions.map((s) => s.id));
  built = await buildDueDigests({ store, clock, log: quiet }, { only: (s) => limitTo.has(s.id) });
  const buildMs = performance.now() - buildStart;
  sampleRss();

  // ── delivery: two senders sharing one budget through Redis, then two that do not ──
  const chats = Array.from({ length: SENDS }, (_, i) => {
    const id = i % 10 === 0 ? -(1_000_000_000_000 + i) : 10_000_000 + i;
    return { id, type: id < 0 ? ('supergroup' as const) : ('private' as const) };
  });
  const deliver = async (shared: boolean) => {
    const fake = new Worker(new URL('../telegram/fake-thread.js', import.meta.url), { workerData: { token: TOKEN, rate: 30, chats } });
    const next = <T>() => new Promise<T>((resolve, reject) => (fake.once('message', resolve), fake.once('error', reject)));
    const { url } = await next<{ url: string }>();
    const call: SendMessageCall = async (payload, signal) => {
      const res = await fetch(`${url}/bot${TOKEN}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal });
      const body = (await res.json()) as { ok: boolean; result?: { message_id: number }; error_code?: number; description?: string; parameters?: Record<string, number> };
      if (!body.ok) throw Object.assign(new Error(body.description), { response: body });
      return body.result!;
    };
    const rates = [new RedisRate(REDIS_URL, { prefix: shared ? redisPrefix : `${redisPrefix}-a` }), new RedisRate(REDIS_URL, { prefix: shared ? redisPrefix : `${redisPrefix}-b` })];
    const senders = rates.map((sharedRate) => new TelegramSender(call, quiet, { sharedRate }));
    const outcomes = await Promise.all(chats.map((c, i) => senders[i % 2]!.send({ chatId: String(c.id), html: `Digest for ${c.id}` })));
    fake.postMessage('report');
    const report = await next<{ arrivals: number[]; tooManyRequests: number }>();
    await Promise.all(rates.map((r) => r.close()));
    await fake.terminate();
    const arrivals = [...report.arrivals].sort((a, b) => a - b);
    const seconds = (arrivals.at(-1)! - arrivals[0]!) / 1000;
    let busiest = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i]! - arrivals[j]! >= 1000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    return { sent: outcomes.filter((o) => o.kind === 'sent').length, tooManyRequests: report.tooManyRequests, perSecond: (arrivals.length - 1) / seconds, busiestSecond: busiest };
  };
  const sharedRun = await deliver(true);
  const unsharedRun = await deliver(false);
  sampleRss();

  const result = {
    at: new Date().toISOString(),
    loadavg: loadavg(),
    subscriptions: SUBS,
    feeds: FEEDS,
    seedSeconds,
    tick: {
      runs: TICKS,
      idle: { medianMs: median(ticks.idleNew!), rowsRead: idleRows, wholeTableMedianMs: median(ticks.idleOld!) },
      oneZoneDue: { medianMs: median(ticks.dueNew!), rowsRead: dueRows, wholeTableMedianMs: median(ticks.dueOld!), wholeTableRowsRead: oldRows },
    },
    build: { digests: built, msPer1000: (buildMs / Math.max(1, built)) * 1000 },
    delivery: { cap: 30, shared: sharedRun, unshared: unsharedRun, ofCap: sharedRun.perSecond / 30 },
    peakRssMb: peakRss / 2 ** 20,
  };
  const rows: [string, string][] = [
    ['subscriptions / feeds', `${SUBS} / ${FEEDS} (24 zones; seeded in ${seedSeconds.toFixed(0)} s)`],
    ['tick, nothing due (median)', `${result.tick.idle.medianMs.toFixed(1)} ms, ${idleRows} rows read (whole-table read: ${result.tick.idle.wholeTableMedianMs.toFixed(0)} ms)`],
    ['tick, one zone due (median)', `${result.tick.oneZoneDue.medianMs.toFixed(1)} ms, ${dueRows} rows read (whole-table read: ${result.tick.oneZoneDue.wholeTableMedianMs.toFixed(0)} ms, ${oldRows} rows)`],
    ['build', `${built} digests, ${result.build.msPer1000.toFixed(0)} ms per 1,000`],
    ['delivery, 2 senders, shared budget', `${sharedRun.sent}/${SENDS} sent, ${sharedRun.perSecond.toFixed(1)}/s (${(result.delivery.ofCap * 100).toFixed(1)}% of 30/s), busiest second ${sharedRun.busiestSecond}, ${sharedRun.tooManyRequests} × 429`],
    ['delivery, 2 senders, no shared budget', `${unsharedRun.sent}/${SENDS} sent, ${unsharedRun.perSecond.toFixed(1)}/s, busiest second ${unsharedRun.busiestSecond}, ${unsharedRun.tooManyRequests} × 429`],
    ['peak RSS (this process)', `${result.peakRssMb.toFixed(0)} MB`],
    ['load average', loadavg().map((l) => l.toFixed(2)).join(' ')],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(40)} ${v}`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/scale100k-${result.at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  clearInterval(rssTimer);
  await store.close();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
