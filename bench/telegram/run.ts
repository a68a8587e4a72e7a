// Fan-out: one digest to 5,000 chats through the outbox, the Telegram sink and its queue, against the fake
// Bot API with its overall limit set to 300 msg/s. Goals: ≥ 95% of the allowed rate, no 429, no duplicate.
// Usage: npm run bench:telegram [-- --chats N --rate R]
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../src/config/env';
import { deliverPending } from '../../src/app/deliver';
import type { Digest, OutboxRow, Subscription } from '../../src/core/model';
import { createTidings } from '../../src/runtime/app';
import { createLogger } from '../../src/runtime/logger';
import { fromPackage } from '../../src/runtime/paths';
import { startTelegram } from '../../src/runtime/telegram';

const { values } = parseArgs({ options: { chats: { type: 'string', default: '5000' }, rate: { type: 'string', default: '300' } } });
const CHATS = Number(values.chats);
const RATE = Number(values.rate);
const BATCH = 600;
const CONCURRENCY = 300;
const TOKEN = '123456789:AAHbenchmarkToken_0123456789abcdef';

const digest: Digest = {
  timezone: 'UTC',
  since: '2026-03-01T00:00:00Z',
  until: '2026-03-02T00:00:00Z',
  generatedAt: '2026-03-02T00:00:00Z',
  entries: Array.from({ length: 5 }, (_, i) => ({
    storyId: `s${i}`,
    headline: `Story ${i}: council & harbour <news>`,
    url: `https://news.example/${i}`,
    publishedAt: '2026-03-01T10:00:00Z',
    summary: ['The council approved the plan after a long debate.', 'Work starts in the spring and ends next year.'],
    quote: { text: 'This is the biggest change in forty years', speaker: 'Anna Kowalska', cue: 'said' },
    sources: [{ name: 'Gazette', url: `https://news.example/${i}` }],
    excerptOnly: false,
  })),
};

const chats = Array.from({ length: CHATS }, (_, i) => {
  // One chat in ten is a group, so the per-group limit is in play too.
  const id = i % 10 === 0 ? -(1_000_000_000_000 + i) : 10_000_000 + i;
  return { id, type: id < 0 ? ('supergroup' as const) : ('private' as const) };
});
const fake = new Worker(new URL('./fake-thread.js', import.meta.url), { workerData: { token: TOKEN, rate: RATE, chats } });
const nextMessage = <T>() => new Promise<T>((resolve, reject) => (fake.once('message', resolve), fake.once('error', reject)));
const { url } = await nextMessage<{ url: string }>();

const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: url, LOG_LEVEL: 'warn' });
const t = await createTidings(config, { log: createLogger('warn', [TOKEN]) });
const telegram = await startTelegram(t, null, { sender: { limits: { globalPerSecond: RATE } } });

const now = new Date().toISOString();
for (const chat of chats) {
  const sub: Subscription = { id: randomUUID(), target: { platform: 'telegram', chatId: String(chat.id), threadId: null }, time: '08:00', timezone: 'UTC', topics: [], maxStories: 5, quotes: true, sendEmpty: true, active: true, coveredUntil: null, createdAt: now };
  await t.store.saveSubscription(sub);
  const row: OutboxRow = { id: randomUUID(), subscriptionId: sub.id, periodKey: '2026-03-02', target: sub.target, digest, status: 'pending', attempts: 0, availableAt: new Date(0).toISOString(), messageIds: [], lastError: null, createdAt: now, sentAt: null };
  await t.store.enqueueDigest(row, null);
}

const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
const cpuBefore = process.cpuUsage();
const started = performance.timeOrigin + performance.now();
// Two delivery loops drain the outbox side by side, so the queue always has work while a batch finishes.
let batches = 0;
const drain = async () => {
  for (;;) {
    const r = await deliverPending({ store: t.store, sinks: t.sinks, clock: t.clock, log: t.log }, { limit: BATCH, concurrency: CONCURRENCY, leaseMs: 30 * 60_000 });
    batches++;
    if (r.sent + r.retried + r.dropped + r.released === 0) return;
  }
};
await Promise.all([drain(), drain()]);
const wallMs = performance.timeOrigin + performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await telegram.stop();

fake.postMessage('report');
const report = await nextMessage<{ sentChats: string[]; arrivals: number[]; tooManyRequests: number; parseErrors: number; tooLong: number }>();
const sent = report.sentChats;
const uniqueChats = new Set(sent).size;
const arrivals = [...report.arrivals].sort((a, b) => a - b);
const spanMs = arrivals.length > 1 ? arrivals[arrivals.length - 1]! - arrivals[0]! : 0;
let maxInAnySecond = 0;
for (let i = 0, j = 0; i < arrivals.length; i++) {
  while (arrivals[i]! - arrivals[j]! >= 1000) j++;
  maxInAnySecond = Math.max(maxInAnySecond, i - j + 1);
}
const pending = (await t.store.listDeliveries()).filter((r) => r.status !== 'sent').length;
const wallRate = sent.length / (wallMs / 1000);
const steadyRate = spanMs ? (sent.length - 1) / (spanMs / 1000) : 0;
const results = {
  chats: CHATS,
  allowedPerSecond: RATE,
  messagesSent: sent.length,
  duplicates: sent.length - uniqueChats,
  notDelivered: pending,
  tooManyRequests: report.tooManyRequests,
  refusedAsBadHtmlOrTooLong: report.parseErrors + report.tooLong,
  wallSeconds: Number((wallMs / 1000).toFixed(2)),
  wallRatePerSecond: Number(wallRate.toFixed(1)),
  wallRateShare: Number((wallRate / RATE).toFixed(4)),
  serverRatePerSecond: Number(steadyRate.toFixed(1)),
  serverRateShare: Number((steadyRate / RATE).toFixed(4)),
  maxInAnySecond,
  deliverBatches: batches,
  firstArrivalAfterMs: Math.round((arrivals[0] ?? started) - started),
  // CPU (this process, both threads) per message: what the rate needs from the machine, cores = rate × this.
  cpuMsPerMessage: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, sent.length)).toFixed(2)),
  machineLoadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  cpus: cpus().length,
  eventLoopLagP99Ms: Number((lag.percentile(99) / 1e6).toFixed(1)),
};
const pass = results.wallRateShare >= 0.95 && results.tooManyRequests === 0 && results.duplicates === 0 && results.notDelivered === 0 && results.messagesSent === CHATS;

console.log(`Telegram fan-out: ${CHATS} chats, limit ${RATE} msg/s`);
console.table(
  Object.entries(results).map(([figure, value]) => ({ figure, value })),
);
console.log(pass ? 'PASS: ≥ 95% of the allowed rate, zero 429s, zero duplicates, nothing lost' : 'FAIL: a goal was missed');

mkdirSync(fromPackage('bench/results'), { recursive: true });
writeFileSync(fromPackage('bench/results/telegram.json'), `${JSON.stringify({ ...results, pass, at: new Date().toISOString() }, null, 2)}\n`);

await t.close();
await fake.terminate();
process.exit(pass ? 0 : 1);
