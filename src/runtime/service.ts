// `tidings start`: ingestion on its schedule, digests on theirs, every adapter whose token is set.
import cron from 'node-cron';
import type { Subscription } from '../core/model';
import { buildDueDigests, onDemandDigest } from '../app/digests';
import { drainOutbox } from '../app/deliver';
import { newSubscription } from '../app/commands';
import { pollDueFeeds } from '../app/poll';
import { digestDocument } from '../core/digest/document';
import { CONSOLE_TARGET, ConsoleSink } from '../adapters/console';
import type { Tidings } from './app';
import { HEARTBEAT_DEFAULTS, SINGLE_HOLDER, startHeartbeat } from './heartbeat';

export interface Service {
  /** Resolves when the service has stopped. */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

/** One step of the loop: read due feeds, build due digests, deliver the outbox. Never runs twice at once. */
function serialized(step: () => Promise<void>): { run(): Promise<void>; idle(): Promise<void> } {
  let running: Promise<void> | null = null;
  return {
    run: () => (running ??= step().finally(() => (running = null))),
    idle: async () => {
      await running;
    },
  };
}

async function ensureConsoleSubscription(t: Tidings): Promise<Subscription> {
  const defaults = t.subscriptionDefaults;
  const existing = (await t.store.getSubscription(CONSOLE_TARGET)) ?? newSubscription(CONSOLE_TARGET, defaults, t.clock.now().toISOString());
  // The terminal always follows the configured schedule and defaults; its covered-up-to mark is kept.
  const sub: Subscription = { ...existing, ...defaults, topics: [], active: true };
  await t.store.saveSubscription(sub);
  return sub;
}

/**
 * The in-process loop: one process reads feeds, builds and delivers. The platform adapters are started before
 * (runtime/start.ts) and have put their sinks in `t.sinks`; with none, the console is the sink. Stopping leaves
 * the store open for the caller, who closes it after the adapters.
 */
export async function startService(t: Tidings, out: { write(s: string): unknown } = process.stdout): Promise<Service> {
  const platformAdapters = [...t.sinks.keys()];
  const consoleMode = platformAdapters.length === 0;
  if (consoleMode) t.sinks.set('console', new ConsoleSink(out));

  // Stopping aborts this: no new work is taken, rows claimed but not yet sent are released at once.
  const stopSignal = new AbortController();
  const deliverDeps = { store: t.store, sinks: t.sinks, clock: t.clock, log: t.log };
  // The one process: what a killed earlier run was sending is taken back at once.
  const heartbeat = await startHeartbeat(t.store, t.clock, t.log, SINGLE_HOLDER, { ...HEARTBEAT_DEFAULTS, takeBackOwn: true });
  const delivery = serialized(async () => {
    try {
      await drainOutbox(deliverDeps, { signal: stopSignal.signal, holder: heartbeat.holder });
    } catch (err) {
      t.log.error({ err }, 'delivery failed; retrying shortly');
    }
  });
  const tick = serialized(async () => {
    try {
      if (stopSignal.signal.aborted) return;
      await pollDueFeeds({ ...t.digestDeps, source: t.source, sinks: t.sinks, policy: t.policy });
      if (stopSignal.signal.aborted) return;
      await buildDueDigests(t.digestDeps, { signal: stopSignal.signal });
    } catch (err) {
      t.log.error({ err }, 'scheduler step failed; retrying at the next minute');
    }
    await delivery.run();
  });

  const consoleSub = consoleMode ? await ensureConsoleSubscription(t) : null;
  await tick.run();
  if (consoleSub) {
    const sub = consoleSub;
    const digest = await onDemandDigest(t.digestDeps, sub);
    await t.sinks.get('console')!.send(CONSOLE_TARGET, digestDocument(digest));
    out.write(`\nNext digest at ${sub.time} (${sub.timezone}). Set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN to serve chats. Ctrl-C stops.\n`);
  }
  t.log.info({ adapters: consoleMode ? ['console'] : platformAdapters }, 'tidings started');

  // Every minute: scheduled digests fall on whole minutes in every zone (docs/adr/0003-digest-scheduling.md).
  // Each tick reads the subscriptions afresh, so a new time or zone counts from the next minute.
  const job = cron.schedule('* * * * *', () => void tick.run(), { noOverlap: true });
  // Deliveries retry sooner than a minute (rate limits, flaky networks).
  const deliveryTimer = setInterval(() => void delivery.run(), 5_000);

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await job.stop();
      clearInterval(deliveryTimer);
      stopSignal.abort();
      // In-flight sends finish (each is bounded by its sink's timeout); claimed rows not yet sent are released.
      await tick.idle();
      await delivery.idle();
      await heartbeat.stop();
      resolveStopped();
    })());
  return { stopped, stop };
}
