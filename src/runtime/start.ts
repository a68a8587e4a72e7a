// `tidings start`: composes the long-running service. Without REDIS_URL one process does everything in its
// own loop (./service.ts); with it the work goes through the shared queue (./queued.ts) and `--role` picks
// this process's part. HTTP_PORT adds /healthz, /metrics and the Telegram webhook. The platform adapters start
// first, so both modes deliver through them and every sink is metered.
import { type Config, configError } from '../config/env';
import type { Logger, Queue, SharedRate, Sink } from '../core/ports';
import { openBullQueue } from '../queue/bullmq';
import { openMemoryQueue } from '../queue/memory';
import { RedisRate } from '../queue/redis-rate';
import { createTidings, type Tidings } from './app';
import { createHttpServer, type HttpServer } from './http';
import { createMetrics } from './metrics';
import { mountOps } from './ops';
import { QUEUED_DEFAULTS, type QueuedOptions, type Role, startQueuedService } from './queued';
import { type Service, startService } from './service';
import { startDiscord } from './discord';
import { startTelegram } from './telegram';
import { untilAborted } from './retry';

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
  /** Where the console adapter prints (stdout by default). */
  out?: { write(s: string): unknown };
  log?: Logger;
  /** A stop request during start-up (SIGTERM while Redis or a platform is unreachable): runStart rejects with StartAborted. */
  signal?: AbortSignal;
  /** The first pause of the start-up retries (tests shorten it). */
  retryDelayMs?: number;
}

interface Adapter {
  stop(): Promise<void>;
}

export interface Started {
  tidings: Tidings;
  service: Service;
  /** The port /healthz and /metrics listen on, when HTTP_PORT is set. */
  httpPort: number | null;
  /** Resolves when everything has stopped: the service, the adapters, the HTTP server, the store. */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

export async function runStart(config: Config, options: StartOptions = {}): Promise<Started> {
  const role = options.role ?? 'all';
  if (role !== 'all' && !config.REDIS_URL) throw configError(`--role ${role} needs REDIS_URL: without a shared queue one process does all the work`);
  const metrics = createMetrics();
  const signal = options.signal;
  const t = await untilAborted(createTidings(config, { wrapStore: metrics.meterStore, ...(options.log ? { log: options.log } : {}) }), signal);
  // The shared queue (queue mode) is also a server /healthz and /metrics look at; the in-memory one is not.
  const shared: Queue | null = config.REDIS_URL
    ? openBullQueue(config.REDIS_URL, t.log, {
        ...(options.queuePrefix ? { prefix: options.queuePrefix } : {}),
        ...(options.queueLockMs ? { lockMs: options.queueLockMs } : {}),
      })
    : null;
  const local = shared ? null : openMemoryQueue(t.log);
  const queue: Queue = local ?? (shared as Queue);
  const jobs = { ...QUEUED_DEFAULTS, ...options.queued, role };
  // Queue mode: the platforms' overall send rates are shared by every process, so N workers stay under them.
  const sharedRate: SharedRate | null = config.REDIS_URL ? new RedisRate(config.REDIS_URL, options.queuePrefix ? { prefix: options.queuePrefix } : {}) : null;
  let http: HttpServer | null = null;
  let httpPort: number | null = null;
  const adapters: Adapter[] = [];
  const release = async () => {
    for (const a of adapters.reverse()) await a.stop();
    await http?.close();
    await queue.close();
    await sharedRate?.close();
    await t.close();
  };
  let service: Service;
  try {
    if (config.HTTP_PORT !== undefined) {
      http = createHttpServer(t.log);
      const startedAt = Date.now();
      // A scheduler that has not ticked for three intervals is stuck: the repeatable jobs it heals every tick
      // could not be written, or its tick fails. Workers do not tick.
      const ticks = role === 'worker' ? null : { lastTick: async () => (await queue.lastDone('tick')) ?? startedAt, staleAfterMs: 3 * jobs.tickMs };
      mountOps(http, { store: t.store, queue: shared, metrics, ticks });
      httpPort = await http.listen(config.HTTP_PORT);
      t.log.info({ port: httpPort }, 'serving /healthz and /metrics');
    }
    // Workers only send: the scheduler (or the single process) holds the gateway and the update stream.
    const receive = role !== 'worker';
    const retry = { ...(signal ? { signal } : {}), ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}) };
    if (config.TELEGRAM_BOT_TOKEN) adapters.push(await startTelegram(t, http, { receive, sharedRate, ...retry }));
    const discord = await untilAborted(startDiscord(t, { receive, sharedRate }), signal);
    if (discord) adapters.push(discord);
    for (const sink of options.sinks ?? []) t.sinks.set(sink.platform, sink);
    for (const [platform, sink] of t.sinks) t.sinks.set(platform, metrics.meterSink(sink));
    // Queue mode's first writes wait for Redis as long as it is away; a stop request does not.
    service = await untilAborted(local ? startService(t, local, options.out) : startQueuedService(t, queue, jobs), signal);
  } catch (err) {
    await release(); // a refused token or a stop request must not leave the port held or the database open
    throw err;
  }
  metrics.observe({ store: t.store, queue: shared });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await service.stop(); // no new work; in-flight sends finish, claimed rows are released
      await release();
      t.log.info('tidings stopped');
    })());
  // The service may also stop by itself (it does not today, but a fatal adapter error could end it).
  const stopped = service.stopped.then(stop);
  return { tidings: t, service, httpPort, stopped, stop };
}
