// The operator's endpoints on HTTP_PORT: /healthz (is the store reachable, and the queue in queue mode?)
// and /metrics (Prometheus text format).
import type { Queue, Store } from '../core/ports';
import { type HttpServer, sendJson } from './http';
import type { Metrics } from './metrics';

const within = <T>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
  Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);

export interface TickWatch {
  /** When the scheduler's tick last finished (ms since the epoch; the start time before the first). */
  lastTick(): Promise<number>;
  /** Older than this, the scheduler is reported stalled. */
  staleAfterMs: number;
}

export function mountOps(http: HttpServer, deps: { store: Store; queue: Queue | null; metrics: Metrics; ticks?: TickWatch | null }): void {
  http.route('GET', '/healthz', async (_req, res) => {
    const ticks = deps.ticks;
    const [store, queue, ticked] = await Promise.all([
      within(deps.store.getFeed('healthz').then(() => true), 3_000, false),
      deps.queue ? within(deps.queue.ping(), 3_000, false) : Promise.resolve(null),
      ticks ? within(ticks.lastTick().then((at) => Date.now() - at <= ticks.staleAfterMs), 3_000, false) : Promise.resolve(null),
    ]);
    const checks = {
      store: store ? 'ok' : 'unreachable',
      ...(queue === null ? {} : { queue: queue ? 'ok' : 'unreachable' }),
      ...(ticked === null ? {} : { scheduler: ticked ? 'ok' : 'stalled' }),
    };
    const healthy = store && queue !== false && ticked !== false;
    sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', checks });
  });
  http.route('GET', '/metrics', async (_req, res) => {
    const text = await deps.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
    res.end(text);
  });
}
