// Fan-out: build and deliver one digest to N subscribers through the real store, app/digests and app/deliver,
// sending to a fake platform on 127.0.0.1 (plain POST). Reports build and delivery time, throughput, and how
// wide the duplicate window is: from the platform storing a message to the commit that marks its row sent.
// Usage: npm run bench:fanout -- [subscribers=500] [concurrency=8]
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDueDigests } from '../../src/app/digests';
import { drainOutbox } from '../../src/app/deliver';
import type { Clock, Store } from '../../src/core/ports';
import { fingerprint } from '../../src/core/stories/fingerprint';
import { openSqliteStore } from '../../src/store/sqlite';
import { HttpPostSink } from '../../test/fakes/http-sink';
import { MemoryLogger } from '../../test/fakes/logger';
import { startPlatformServer } from '../../test/fakes/platform-server';

const subscribers = Number(process.argv[2] ?? 500);
const concurrency = Number(process.argv[3] ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
const now = Date.parse('2026-05-04T08:00:30Z');
const clock: Clock = { now: () => new Date(now) };
const log = new MemoryLogger();
const server = await startPlatformServer();
const store = await openSqliteStore(join(dir, 'bench.db'));

const feed = await store.addFeed('https://wire.example/feed.xml', null, 'Wire');
for (let i = 0; i < 20; i++) {
  const title = `Story ${i}: the council votes on the harbour budget and the new ferry line`;
  const text = `${title}. ${'Details of the vote and what comes next. '.repeat(5)}${i}`;
  await store.saveArticle({
    id: randomUUID(), feedId: feed.id, sourceName: `Outlet ${i % 4}`, url: `https://wire.example/${i}`, title, text,
    publishedAt: '2026-05-04T06:00:00.000Z', ingestedAt: '2026-05-04T06:00:00.000Z', language: 'en',
    summary: [`${title}.`, 'Details of the vote.'], quotes: [{ text: 'We will build it', speaker: 'Mayor Ann Lee', cue: 'said' }],
    keywords: ['council'], excerptOnly: false, storyId: randomUUID(), fingerprint: fingerprint(title, text),
  });
}
for (let i = 0; i < subscribers; i++) {
  await store.saveSubscription({
    id: randomUUID(), target: { platform: 'fake', chatId: `chat-${i}` }, time: '08:00', timezone: 'UTC', topics: i % 3 ? [] : ['ferry'],
    maxStories: 5, quotes: true, sendEmpty: true, active: true, coveredUntil: null, createdAt: '2026-05-01T00:00:00.000Z',
  });
}

// Time each row's "marked sent" commit, to set against the moment the platform stored its message.
const committed = new Map<string, number>();
const rowChat = new Map<string, string>();
const timed = Object.create(store, {
  claimDeliveries: {
    value: async (...a: Parameters<Store['claimDeliveries']>) => {
      const rows = await store.claimDeliveries(...a);
      for (const r of rows) rowChat.set(r.id, r.target.chatId);
      return rows;
    },
  },
  completeDelivery: {
    value: async (...a: Parameters<Store['completeDelivery']>) => {
      await store.completeDelivery(...a);
      committed.set(rowChat.get(a[0])!, performance.now());
    },
  },
}) as Store;

const t0 = performance.now();
const built = await buildDueDigests({ store, clock, log });
const t1 = performance.now();
const report = await drainOutbox({ store: timed, clock, log, sinks: new Map([['fake', new HttpPostSink('fake', server.url, 10_000)]]) }, { concurrency });
const t2 = performance.now();

const windows = server.receipts.map((r) => committed.get(r.chatId)! - r.at).sort((a, b) => a - b);
const pct = (p: number) => windows[Math.min(windows.length - 1, Math.floor((p / 100) * windows.length))] ?? NaN;
const result = {
  subscribers,
  concurrency,
  built,
  sent: report.sent,
  received: server.receipts.length,
  buildMs: Math.round(t1 - t0),
  deliverMs: Math.round(t2 - t1),
  messagesPerSecond: Math.round((report.sent / (t2 - t1)) * 1000),
  windowMs: { p50: +pct(50).toFixed(2), p99: +pct(99).toFixed(2), max: +(windows.at(-1) ?? NaN).toFixed(2) },
};

console.table({
  'digests built': result.built,
  'build (ms)': result.buildMs,
  'messages sent / received': `${result.sent} / ${result.received}`,
  'delivery (ms)': result.deliverMs,
  'messages per second': result.messagesPerSecond,
  'duplicate window p50 (ms)': result.windowMs.p50,
  'duplicate window p99 (ms)': result.windowMs.p99,
  'duplicate window max (ms)': result.windowMs.max,
});
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/fanout.json', `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
await store.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
