// `tidings start`: composes the long-running service. Without REDIS_URL one process does everything in its
// own loop (./service.ts); with it the work goes through the shared queue (./queued.ts) and `--role` picks
// this process's part. HTTP_PORT adds /healthz and /metrics.
import type { Config } from '../config/env';
import type { Queue, Sink } from '../core/ports';
import { openBullQueue } from '../queue/bullmq';
import { createTidings, type Tidings } from './app';
import { createHttpServer, type HttpServer } from './http';
import { createMetrics } from './metrics';
import { mountOps } from './ops';
import { QUEUED_DEFAULTS, type QueuedOptions, type Role, startQueuedService } from './queued';
import { type Service, startService } from './service';

export interface StartOptions {
  role?: Role;
  /** Sinks to use besides the adapters the configuration enables (a test platform, say). */
  sinks?: Sink[];
  /** Queue-mode timings (tests and benchmarks run them faster). */
  queued?: Partial<Omit<QueuedOptions, 'role'>>;
  /** Redis key prefix of the queue. */
  queuePrefix?: string;
  /** How long a killed process's jobs stay locked before another takes them. */
  queueLockMs?: number;
}

export interface Started {
  tidings: Tidings;
  service: Service;
  /** The port /healthz and /metrics listen on, when HTTP_PORT is set. */
  httpPort: number | null;
  stop(): Promise<void>;
}

export async function runStart(config: Config, options: StartOptions = {}): Promise<Started> {
  const role = options.role ?? 'all';
  if (role !== 'all' && !config.REDIS_URL) throw new Error(`--role ${role} needs REDIS_URL: without a shared queue one process does all the work`);
  const metrics = createMetrics();
  const t = await createTidings(config, { wrapStore: metrics.meterStore });
  for (const sink of options.sinks ?? []) t.sinks.set(sink.platform, sink);
  for (const [platform, sink] of t.sinks) t.sinks.set(platform, metrics.meterSink(sink));

  let queue: Queue | null = null;
  let service: Service;
  if (config.REDIS_URL) {
    queue = openBullQueue(config.REDIS_URL, t.log, {
      ...(options.queuePrefix ? { prefix: options.queuePrefix } : {}),
      ...(options.queueLockMs ? { lockMs: options.queueLockMs } : {}),
    });
    service = await startQueuedService(t, queue, { ...QUEUED_DEFAULTS, ...options.queued, role });
  } else {
    service = await startService(t);
  }
  metrics.observe({ store: t.store, queue });

  let http: HttpServer | null = null;
  let httpPort: number | null = null;
  if (config.HTTP_PORT !== undefined) {
    http = createHttpServer(t.log);
    mountOps(http, { store: t.store, queue, metrics });
    httpPort = await http.listen(config.HTTP_PORT);
    t.log.info({ port: httpPort }, 'serving /healthz and /metrics');
  }
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await http?.close();
      await service.stop();
    })());
  return { tidings: t, service, httpPort, stop };
}
