// Scale-out on real PostgreSQL and Redis: one scheduler and two workers (real child processes) deliver a
// digest to 2,000 chats through a fake platform; one worker is killed with SIGKILL while it has sends in
// flight, and still every chat gets its digest exactly once.
//
// A message the platform accepted in the instant before the killed worker recorded it would be sent again
// (the at-least-once window deliver.ts names). The test closes that window on purpose so the count is exact:
// it freezes the platform (new sends wait unanswered), waits until every accepted send is recorded, kills the
// worker, then lets the platform answer the sends whose sender is still alive. The killed worker's leased
// rows and its BullMQ jobs must come back to the surviving worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports';
import { type HoldingPlatform, startHoldingPlatform } from '../fakes/holding-platform';
import { type Proc, type Sandbox, sandbox, seedDueSubscriptions, spawnTidings, when } from './cluster';

const CHATS = 2_000;

describe('queue mode on PostgreSQL + Redis', () => {
  let box: Sandbox;
  let store: Store;
  let platform: HoldingPlatform;
  const procs: Proc[] = [];

  beforeAll(async () => {
    box = await sandbox({ durable: false });
    store = await box.openStore();
    platform = await startHoldingPlatform();
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(procs.map((p) => p.exited));
    await store?.close();
    await platform?.close();
    await box?.drop();
  });

  it('serves every chat exactly once across a worker killed mid-way', { timeout: 115_000 }, async () => {
    await seedDueSubscriptions(store, CHATS);
    const options = {
      queueLockMs: 3_000,
      queued: { tickMs: 2_000, deliverEveryMs: 1_000, leaseMs: 10_000, batch: 10, drainSlots: 8, deliverConcurrency: 4 },
    };
    const scheduler = spawnTidings(box, 'scheduler', platform.url, options, 'compiled');
    const victim = spawnTidings(box, 'worker', platform.url, options, 'compiled');
    const survivor = spawnTidings(box, 'worker', platform.url, options, 'compiled');
    procs.push(scheduler, victim, survivor);
    await Promise.all(procs.map((p) => p.ready));

    // Every wait below re-checks on an event (a request at the platform, a committed outbox change), not a timer.
    const outbox = await box.changesOf('outbox');
    const sentRows = () => box.count("SELECT count(*) AS n FROM outbox WHERE status = 'sent'");
    await when('a third of the digests to be sent', () => platform.total() >= CHATS / 3, [platform], 50_000);
    platform.freeze();
    await when('every accepted send to be recorded', async () => (await sentRows()) === platform.total(), [outbox, platform], 10_000);
    await when('the victim to have sends in flight', () => platform.heldBy(victim.pid) > 0, [platform], 10_000);
    const sentBeforeKill = platform.total();
    expect(sentBeforeKill).toBeLessThan(CHATS);
    victim.child.kill('SIGKILL');
    await victim.exited;
    // The platform must see the killed worker's connections close before it answers what it held.
    await when("the victim's connections to close", () => platform.heldBy(victim.pid) === 0, [platform], 10_000);
    platform.release();

    await when('every digest to be sent', async () => (await sentRows()) === CHATS, [outbox], 60_000);
    expect(platform.received.size).toBe(CHATS);
    expect([...platform.received.values()].every((n) => n === 1)).toBe(true);
    expect(platform.total()).toBe(CHATS);
    // The rows the killed worker had leased were sent by the survivor after their lease ended.
    expect(await box.count('SELECT count(*) AS n FROM outbox WHERE attempts > 1')).toBeGreaterThan(0);
    expect(await box.count('SELECT count(*) AS n FROM outbox')).toBe(CHATS);

    // A graceful stop drains and exits 0.
    scheduler.child.kill('SIGTERM');
    survivor.child.kill('SIGTERM');
    expect(await scheduler.exited).toBe(0);
    expect(await survivor.exited).toBe(0);
  });
});
