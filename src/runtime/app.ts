// The composition root: config → store → sources → app → adapters. Only this folder knows every room.
import type { Config } from '../config/env';
import { secretsOf } from '../config/env';
import type { CommandHandler } from '../core/commands';
import type { TidingsError } from '../core/errors';
import type { Clock, Logger, Sink, Source, Store, TextWork } from '../core/ports';
import { type SubscriptionDefaults, createCommandHandler } from '../app/commands';
import { type DigestDeps } from '../app/digests';
import type { JobDeps } from '../app/jobs';
import { seedDefaultSources } from '../app/feeds';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../app/poll';
import { createLogger } from './logger';
import { createConfiguredSource } from './sources';
import { openStore } from './store';
import { type Defaults, loadDefaults } from './defaults';
import { type PoolOptions, createWorkerPool, poolReadPage, poolTextWork } from './workers';

export interface Tidings {
  config: Config;
  defaults: Defaults;
  store: Store;
  source: Source;
  clock: Clock;
  log: Logger;
  sinks: Map<string, Sink>;
  commands: CommandHandler;
  policy: PollPolicy;
  /** What a chat starts with: the configured schedule and the digest defaults. */
  subscriptionDefaults: SubscriptionDefaults;
  digestDeps: DigestDeps;
  /** What the jobs of both modes read, poll, build and deliver with (the sinks are this object's, filled later). */
  jobDeps: JobDeps;
  /** Summarizing and page reading, off the event loop. */
  work: TextWork;
  /** Resolves when the store can no longer be trusted (its file vanished or was replaced): the service must stop. */
  storeLost: Promise<TidingsError>;
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export async function createTidings(
  config: Config,
  options: { clock?: Clock; log?: Logger; source?: Source; wrapStore?: (store: Store) => Store; workers?: Partial<PoolOptions> } = {},
): Promise<Tidings> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.LOG_LEVEL, secretsOf(config));
  const defaults = loadDefaults();
  let lost!: (fault: TidingsError) => void;
  const storeLost = new Promise<TidingsError>((resolve) => (lost = resolve));
  // Whoever runs the service reports the fault (the CLI prints its one line) and stops.
  const opened = await openStore(config.DATABASE_URL, lost);
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  // Reading pages and summarizing run in worker threads with time and memory limits: a huge or hostile page
  // fails alone, and other chats are answered while it is read.
  const pool = createWorkerPool(options.workers, log);
  const work = poolTextWork(pool);
  const source: Source & { close?(): Promise<void> } = options.source ?? createConfiguredSource(config, log, poolReadPage(pool));
  const sinks = new Map<string, Sink>();
  const policy: PollPolicy = {
    ...DEFAULT_POLL_POLICY,
    intervalMs: defaults.poll.intervalMinutes * 60_000,
    floorMs: defaults.poll.floorMinutes * 60_000,
    maxFailures: defaults.poll.maxFailures,
  };
  const { summaryWords: _entryWords, ...subscriptionDigest } = defaults.digest;
  const subscriptionDefaults: SubscriptionDefaults = { time: config.DIGEST_TIME, timezone: config.DIGEST_TIMEZONE, ...subscriptionDigest };
  const commands = createCommandHandler({
    store,
    source,
    clock,
    log,
    defaults: subscriptionDefaults,
    work,
    maxFeedsPerChat: defaults.feeds.maxPerChat,
  });
  await seedDefaultSources(store, defaults.sources);
  const digestDeps: DigestDeps = { store, clock, log, summaryWords: defaults.digest.summaryWords };
  return {
    config,
    defaults,
    store,
    source,
    clock,
    log,
    sinks,
    commands,
    policy,
    subscriptionDefaults,
    digestDeps,
    // Polling summarizes in the worker pool.
    jobDeps: { digests: digestDeps, poll: { ...digestDeps, source, sinks, policy, work }, deliver: { store, sinks, clock, log } },
    work,
    storeLost,
    close: async () => {
      await source.close?.();
      await pool.close();
      await store.close();
    },
  };
}
