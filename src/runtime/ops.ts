// The operator's endpoints on HTTP_PORT: /healthz (is the store reachable, and the queue in queue mode?)
// and /metrics (Prometheus text format).
import type { Queue, Store } from '../core/ports';
import { type HttpServer, sendJson } from './http';
import type { Metrics } from './metrics';

const within = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);

export function mountOps(http: HttpServer, deps: { store: Store; queue: Queue | null; metrics: Metrics }): void {
  http.route('GET', '/healthz', async (_req, res) => {
    const [store, queue] = await Promise.all([
      within(deps.store.getFeed('healthz').then(() => true), 3_000, false),
      deps.queue ? within(deps.queue.ping(), 3_000, false) : Promise.resolve(null),
    ]);
    const checks = { store: store ? 'ok' : 'unreachable', ...(queue === null ? {} : { queue: queue ? 'ok' : 'unreachable' }) };
    const healthy = store && queue !== false;
    sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', checks });
  });
  http.route('GET', '/metrics', async (_req, res) => {
    const text = await deps.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
    res.end(text);
  });
}
