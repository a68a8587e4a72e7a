// How soon a killed process's deliveries resume: 2,000 due digests on PostgreSQL, delivered by real processes
// to the holding platform; one is SIGKILLed with sends in flight (the platform frozen, so every accepted send is
// recorded first), and the clock runs from the kill to the first of its rows sent by someone else.
//   queue mode: one scheduler and two workers; the survivor takes the victim's rows back.
//   single process (no REDIS_URL): killed, then started again; the new process takes back its own rows.
// The default two-minute lease stands in both: what resumes sooner is the heartbeat's doing.
import { startHoldingPlatform } from '../../test/fakes/holding-platform';
import { type Proc, type Sandbox, sandbox, seedDueSubscriptions, spawnTidings, until } from '../../test/scale/cluster';

const CHATS = 2_000;
const OPTIONS = { queueLockMs: 15_000, queued: { tickMs: 2_000, deliverEveryMs: 1_000, batch: 10, drainSlots: 8, deliverConcurrency: 4 } };

const sentCount = (box: Sandbox) => box.count("SELECT count(*) AS n FROM outbox WHERE status = 'sent'");
const retakenSent = (box: Sandbox) => box.count("SELECT count(*) AS n FROM outbox WHERE status = 'sent' AND attempts > 1");

export interface ResumeFigures {
  chats: number;
  resumeSeconds: number;
  allSentSeconds: number;
  duplicates: number;
}

async function measure(queueMode: boolean): Promise<ResumeFigures> {
  const box = await sandbox({ durable: false });
  const platform = await startHoldingPlatform();
  const procs: Proc[] = [];
  try {
    const store = await box.openStore();
    await seedDueSubscriptions(store, CHATS);
    await store.close();
    const spawn = (role: 'scheduler' | 'worker' | 'all') => {
      const p = spawnTidings(box, role, platform.url, OPTIONS, { redis: queueMode });
      procs.push(p);
      return p;
    };
    const victim = queueMode ? (spawn('scheduler'), spawn('worker')) : spawn('all');
    const survivor = queueMode ? spawn('worker') : null;
    await Promise.all(procs.map((p) => p.ready));
    await until('a third of the digests to be sent', () => platform.total() >= CHATS / 3, 120_000);
    platform.freeze();
    await until('every accepted send to be recorded', async () => (await sentCount(box)) === platform.total(), 30_000);
    await until('the victim to have sends in flight', () => platform.heldBy(victim.pid) > 0, 30_000, 5);
    victim.child.kill('SIGKILL');
    const killedAt = performance.now();
    await victim.exited;
    await until("the victim's connections to close", () => platform.heldBy(victim.pid) === 0, 10_000, 5);
    platform.release();
    if (!survivor) await spawn('all').ready; // the restart (its start-up time counts)
    await until('a row the victim held to be sent', async () => (await retakenSent(box)) > 0, 180_000, 100);
    const resumeSeconds = (performance.now() - killedAt) / 1000;
    await until('every digest to be sent', async () => (await sentCount(box)) === CHATS, 300_000, 200);
    const allSentSeconds = (performance.now() - killedAt) / 1000;
    const duplicates = [...platform.received.values()].filter((n) => n > 1).length;
    return { chats: CHATS, resumeSeconds, allSentSeconds, duplicates };
  } finally {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await platform.close();
    await box.drop();
  }
}

export async function measureResume(): Promise<{ queueMode: ResumeFigures; singleProcess: ResumeFigures }> {
  return { queueMode: await measure(true), singleProcess: await measure(false) };
}

if (process.argv[1]?.endsWith('resume.ts')) {
  const figures = await measureResume();
  console.log(JSON.stringify(figures, null, 2));
}
