// How soon a killed process's deliveries resume: 2,000 due digests on PostgreSQL, delivered by real processes
// to the holding platform (300 ms a send); one is SIGKILLed while it holds rows, and the clock runs from the
// kill to the first of its rows sent by someone else. A send the platform accepted just before the kill and
// the victim never recorded is sent again: the duplicates count those.
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
  // Each send takes 300 ms, like a platform's round trip: a process always holds the rows it is sending.
  const platform = await startHoldingPlatform({ latencyMs: 300 });
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
    // The victim holds rows (claimed, their sends held by the frozen platform).
    const holder = queueMode ? `%:${victim.pid}:%` : 'single';
    await until('the victim to hold rows', async () => (await box.count(`SELECT count(*) AS n FROM outbox WHERE status = 'pending' AND holder LIKE '${holder}'`)) > 0, 60_000, 20);
    victim.child.kill('SIGKILL');
    const killedAt = performance.now();
    await victim.exited;
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
