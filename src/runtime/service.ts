// `tidings start` without REDIS_URL: the jobs of app/jobs.ts on the in-memory queue, so one process reads feeds,
// builds and delivers with the very handlers queue mode runs. With no platform adapter the console is the sink.
import type { Subscription } from '../core/model';
import { onDemandDigest } from '../app/digests';
import { newSubscription } from '../app/commands';
import { JOB_DEFAULTS, type RunningJobs, runJobs } from '../app/jobs';
import { digestDocument } from '../core/digest/document';
import { CONSOLE_TARGET, ConsoleSink } from '../adapters/console';
import type { MemoryQueue } from '../queue/memory';
import type { Tidings } from './app';
import { HEARTBEAT_DEFAULTS, SINGLE_HOLDER, withHeartbeat } from './heartbeat';

export type Service = RunningJobs;

async function ensureConsoleSubscription(t: Tidings): Promise<Subscription> {
  const defaults = t.subscriptionDefaults;
  const existing = (await t.store.getSubscription(CONSOLE_TARGET)) ?? newSubscription(CONSOLE_TARGET, defaults, t.clock.now().toISOString());
  // The terminal always follows the configured schedule and defaults; its covered-up-to mark is kept.
  const sub: Subscription = { ...existing, ...defaults, topics: [], active: true };
  await t.store.saveSubscription(sub);
  return sub;
}

/**
 * The platform adapters are started before (runtime/start.ts) and have put their sinks in `t.sinks`. Stopping
 * leaves the store open for the caller, who closes it after the adapters.
 */
export async function startService(t: Tidings, queue: MemoryQueue, out: { write(s: string): unknown } = process.stdout): Promise<Service> {
  const platformAdapters = [...t.sinks.keys()];
  const consoleMode = platformAdapters.length === 0;
  if (consoleMode) t.sinks.set('console', new ConsoleSink(out));
  const consoleSub = consoleMode ? await ensureConsoleSubscription(t) : null;

  // One process: no shards to spread, one drain at a time (it sends a batch at once). It runs under a fixed
  // heartbeat name, so what a killed earlier run was sending is taken back at once.
  const running = await withHeartbeat(t, SINGLE_HOLDER, { ...HEARTBEAT_DEFAULTS, takeBackOwn: true }, (holder) =>
    runJobs(queue, t.jobDeps, { ...JOB_DEFAULTS, role: 'all', buildShards: 1, drainSlots: 1, deliverConcurrency: 1, holder }),
  );
  // The first tick (its polls, builds and deliveries) completes before the console shows the current digest.
  await queue.idle();
  if (consoleSub) {
    const digest = await onDemandDigest(t.digestDeps, consoleSub);
    await t.sinks.get('console')!.send(CONSOLE_TARGET, digestDocument(digest));
    out.write(`\nNext digest at ${consoleSub.time} (${consoleSub.timezone}). Set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN to serve chats. Ctrl-C stops.\n`);
  }
  t.log.info({ adapters: consoleMode ? ['console'] : platformAdapters }, 'tidings started');
  return running;
}
