// /healthz and /metrics on the real HTTP server, with a real store and a real queue (Redis), and with a queue
// whose server cannot be reached.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../../src/core/document';
import type { Queue, Store } from '../../src/core/ports';
import { openBullQueue } from '../../src/queue/bullmq';
import { createHttpServer, type HttpServer } from '../../src/runtime/http';
import { createMetrics } from '../../src/runtime/metrics';
import { type TickWatch, mountOps } from '../../src/runtime/ops';
import { openSqliteStore } from '../../src/store/sqlite';
import { article } from '../store/contract';
import { REDIS_URL, removeRedisKeys } from '../support/servers';
import { MemoryLogger } from '../fakes/logger';

const quiet = new MemoryLogger();

describe('operator endpoints', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function serve(queue: Queue | null, store?: Store, ticks: TickWatch | null = null) {
    const metrics = createMetrics();
    const s = store ?? metrics.meterStore(await openSqliteStore(':memory:'));
    metrics.observe({ store: s, queue });
    const http: HttpServer = createHttpServer(quiet);
    mountOps(http, { store: s, queue, metrics, ticks });
    const port = await http.listen(0, '127.0.0.1');
    cleanup.push(() => http.close());
    return { base: `http://127.0.0.1:${port}`, store: s, metrics };
  }

  it('reports a reachable store and queue as healthy, and serves Prometheus metrics', async () => {
    const prefix = `tidings-test-${randomUUID()}`;
    const queue = openBullQueue(REDIS_URL, quiet, { prefix });
    cleanup.push(async () => {
      await queue.close();
      await removeRedisKeys(prefix);
    });
    const { base, store, metrics } = await serve(queue);
    cleanup.push(() => store.close());

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', checks: { store: 'ok', queue: 'ok' } });

    const feed = await store.addFeed('https://a.example/feed', null);
    await store.saveArticle(article('a1', feed.id, '2025-08-14T08:00:00.000Z'));
    await store.saveArticle(article('a1', feed.id, '2025-08-14T08:00:00.000Z')); // known: not counted again
    await store.updateFeed(feed.id, { failures: 2 });
    const sink = metrics.meterSink({ platform: 'fakechat', send: async () => ({ kind: 'sent', messageIds: ['1'] }) });
    await sink.send({ platform: 'fakechat', chatId: '1' }, message('hi'));
    await queue.add('poll', { feedId: feed.id }, 'poll:x');

    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^tidings_articles_ingested_total 1$/m);
    expect(text).toMatch(/^tidings_feeds_failing 1$/m);
    expect(text).toMatch(/^tidings_digests_total\{outcome="sent"\} 0$/m);
    expect(text).toMatch(/^tidings_send_duration_seconds_count\{platform="fakechat",outcome="sent"\} 1$/m);
    expect(text).toMatch(/^tidings_queue_jobs\{kind="poll",state="waiting"\} 1$/m);
  });

  it('answers 503 and names what is down', async () => {
    const queue = openBullQueue('redis://127.0.0.1:1', quiet, { prefix: `tidings-test-${randomUUID()}` });
    const { base, store } = await serve(queue);
    cleanup.push(() => store.close());
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', checks: { store: 'ok', queue: 'unreachable' } });

    await store.close();
    const noStore = await fetch(`${base}/healthz`);
    expect(noStore.status).toBe(503);
    expect(((await noStore.json()) as { checks: { store: string } }).checks.store).toBe('unreachable');
    await queue.close(); // with Redis away too: the handlers are waited for, the connections dropped
  });

  it('reports a scheduler that has not ticked for longer than it should as stalled', async () => {
    let lastTick = Date.now() - 10 * 60_000;
    const { base, store } = await serve(null, undefined, { lastTick: async () => lastTick, staleAfterMs: 3 * 60_000 });
    cleanup.push(() => store.close());
    const stalled = await fetch(`${base}/healthz`);
    expect(stalled.status).toBe(503);
    expect(await stalled.json()).toEqual({ status: 'unavailable', checks: { store: 'ok', scheduler: 'stalled' } });
    lastTick = Date.now();
    const ticking = await fetch(`${base}/healthz`);
    expect(ticking.status).toBe(200);
    expect(await ticking.json()).toEqual({ status: 'ok', checks: { store: 'ok', scheduler: 'ok' } });
  });

  it('counts deliveries through the metered store and answers 404 and 405 for other requests', async () => {
    const { base, store } = await serve(null);
    cleanup.push(() => store.close());
    const sub = { id: randomUUID(), target: { platform: 'fakechat', chatId: '1' }, time: '08:00', timezone: 'UTC', topics: [], maxStories: 5, quotes: true, sendEmpty: true, active: true, coveredUntil: null, createdAt: '2025-08-14T00:00:00.000Z' };
    await store.saveSubscription(sub);
    const row = { id: randomUUID(), subscriptionId: sub.id, periodKey: 'p', target: sub.target, digest: { timezone: 'UTC', since: '', until: '', generatedAt: '', entries: [] }, status: 'pending' as const, attempts: 0, availableAt: '2025-08-14T00:00:00.000Z', messageIds: [], lastError: null, createdAt: '2025-08-14T00:00:00.000Z', sentAt: null };
    await store.enqueueDigest(row, null);
    await store.retryDelivery(row.id, '2025-08-14T00:01:00.000Z', 'rate limited');
    await store.dropDelivery(row.id, 'chat gone');
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^tidings_digests_total\{outcome="retried"\} 1$/m);
    expect(text).toMatch(/^tidings_digests_total\{outcome="failed"\} 1$/m);
    expect(text).not.toMatch(/tidings_queue_jobs\{/);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', checks: { store: 'ok' } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
