// The worker pool: page reading and summarizing run off the event loop, and a task over its time or memory
// limit fails alone with a message naming the limit, while the pool goes on serving the next task.
import { afterEach, expect, it } from 'vitest';
import { createWorkerPool, poolReadPage, poolTextWork, type WorkerPool } from '../../src/runtime/workers';
import { bigArticlePage } from '../support/big-page-bot';

const pools: WorkerPool[] = [];
const poolWith = (options: Parameters<typeof createWorkerPool>[0]) => {
  const pool = createWorkerPool(options);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});

const article = 'The council met on Tuesday. "We will build the bridge," said Jane Smith, the mayor. The plan costs more than expected.';

/** How many times a 5 ms timer fired while `work` ran: none when the work held the event loop. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

it('reads a large page in a worker thread: the event loop keeps turning meanwhile', { timeout: 60_000 }, async () => {
  const pool = poolWith({ size: 1 });
  const readPage = poolReadPage(pool);
  await poolTextWork(pool).summarize(article); // the worker is loaded before the measured read
  const html = bigArticlePage(2_000_000);
  let read: Awaited<ReturnType<typeof readPage>> | undefined;
  const ticks = await ticksDuring(async () => (read = await readPage(html, 'https://example.org/report')));
  expect(read?.ok && read.value?.text).toContain('council met on Tuesday');
  expect(ticks).toBeGreaterThan(0);
});

it('a task over its time limit fails alone, naming the limit, and the next task runs', { timeout: 60_000 }, async () => {
  const pool = poolWith({ size: 1, taskTimeoutMs: 1 });
  const work = poolTextWork(pool);
  await expect(work.article(bigArticlePage(1_000_000), null)).rejects.toThrow(/took longer than/);
  const relaxed = poolWith({ size: 1 });
  expect((await poolTextWork(relaxed).summarize(article)).quotes[0]?.speaker).toBe('Jane Smith');
});

it('a task over its memory limit fails alone, naming the limit; the pool replaces the worker', { timeout: 60_000 }, async () => {
  const pool = poolWith({ size: 1, maxHeapMb: 32 });
  const work = poolTextWork(pool);
  expect((await work.summarize(article)).sentences.length).toBeGreaterThan(0);
  // 20 MB of text, its lines and their copies do not fit in 32 MB of heap.
  const huge = Array.from({ length: 200_000 }, (_, i) => `Paragraph ${i} of the report says the council met on Tuesday to discuss the budget.`).join('\n\n');
  await expect(work.article(huge, null)).rejects.toThrow(/more than the 32 MB/);
  // The same pool, a fresh worker: a small text goes through.
  expect((await work.summarize(article)).quotes[0]?.speaker).toBe('Jane Smith');
});
