// The composition root: config → store → sources → app → adapters. Only this folder knows every room.
import type { Config } from '../config/env';
import { secretsOf } from '../config/env';
import type { CommandHandler } from '../core/commands';
import type { Clock, Logger, Sink, Source, Store } from '../core/ports';
import { type SubscriptionDefaults, createCommandHandler } from '../app/commands';
import { type DigestDeps } from '../app/digests';
import type { JobDeps } from '../app/jobs';
import { seedDefaultSources } from '../app/feeds';
import { DEFAULT_POLL_POLICY, type PollPolicy } from '../app/poll';
import { createLogger } from './logger';
import { createConfiguredSource } from './sources';
import { openStore } from './store';
import { type Defaults, loadDefaults } from './defaults';

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
  close(): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

export async function createTidings(
  config: Config,
  options: { clock?: Clock; log?: Logger; source?: Source; wrapStore?: (store: Store) => Store } = {},
): Promise<Tidings> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.LOG_LEVEL, secretsOf(config));
  const defaults = loadDefaults();
  const opened = await openStore(config.DATABASE_URL);
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  const source: Source & { close?(): Promise<void> } = options.source ?? createConfiguredSource(config, log);
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
    jobDeps: { digests: digestDeps, poll: { ...digestDeps, source, sinks, policy }, deliver: { store, sinks, clock, log } },
    close: async () => {
      await source.close?.();
      await store.close();
    },
  };
}
