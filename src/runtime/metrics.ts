// Prometheus metrics (prom-client). The counting stays out of core/ and app/: the store and the sinks are
// wrapped here in decorators that count what passes through them, and gauges read the store and the queue
// when /metrics is scraped.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChatTarget } from '../core/model';
import type { PartProgress, Queue, Sink, Store } from '../core/ports';
import type { Document } from '../core/document';

export interface Metrics {
  registry: Registry;
  /** The same store, counting articles saved and deliveries completed, retried and dropped. */
  meterStore(this: void, store: Store): Store;
  /** The same sink, timing every send and counting its outcome. */
  meterSink(this: void, sink: Sink): Sink;
  /** Reads failing feeds and queue depth from these at each scrape. */
  observe(sources: { store: Store; queue?: Queue | null }): void;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tidings_process_' });
  const registers = [registry];
  const articles = new Counter({ name: 'tidings_articles_ingested_total', help: 'Articles stored for the first time', registers });
  const digests = new Counter({ name: 'tidings_digests_total', help: 'Digest deliveries by outcome (sent, retried, failed)', labelNames: ['outcome'], registers });
  const sendSeconds = new Histogram({
    name: 'tidings_send_duration_seconds',
    help: 'Time one send to a platform took',
    labelNames: ['platform', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  let observed: { store: Store; queue?: Queue | null } | null = null;
  new Gauge({
    name: 'tidings_feeds_failing',
    help: 'Feeds whose last read failed (paused ones included)',
    registers,
    async collect() {
      if (!observed) return;
      // An unreachable store leaves the last value; /healthz is where that shows.
      const feeds = await withTimeout(observed.store.listAllFeeds(), 5_000).catch(() => null);
      if (feeds) this.set(feeds.filter((f) => f.failures > 0).length);
    },
  });
  new Gauge({
    name: 'tidings_queue_jobs',
    help: 'Jobs in the shared queue by kind and state (queue mode)',
    labelNames: ['kind', 'state'],
    registers,
    async collect() {
      if (!observed?.queue) return;
      const depth = await withTimeout(observed.queue.depth(), 5_000).catch(() => null);
      if (depth)
        for (const [kind, states] of Object.entries(depth)) for (const [state, n] of Object.entries(states)) this.set({ kind, state }, n);
    },
  });
  for (const outcome of ['sent', 'retried', 'failed']) digests.inc({ outcome }, 0);

  return {
    registry,
    observe: (sources) => void (observed = sources),
    meterStore(store) {
      const counted: Partial<Store> = {
        saveArticle: async (a) => {
          const fresh = await store.saveArticle(a);
          if (fresh) articles.inc();
          return fresh;
        },
        completeDelivery: async (...args) => {
          await store.completeDelivery(...args);
          digests.inc({ outcome: 'sent' });
        },
        retryDelivery: async (...args) => {
          await store.retryDelivery(...args);
          digests.inc({ outcome: 'retried' });
        },
        dropDelivery: async (...args) => {
          await store.dropDelivery(...args);
          digests.inc({ outcome: 'failed' });
        },
      };
      return new Proxy(store, {
        get: (target, key, receiver) => {
          const own = counted[key as keyof Store];
          if (own) return own;
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    meterSink(sink) {
      return {
        platform: sink.platform,
        async send(target: ChatTarget, doc: Document, progress?: PartProgress) {
          const end = sendSeconds.startTimer({ platform: sink.platform });
          try {
            const outcome = await sink.send(target, doc, progress);
            end({ outcome: outcome.kind });
            return outcome;
          } catch (err) {
            end({ outcome: 'error' });
            throw err;
          }
        },
      };
    },
  };
}
