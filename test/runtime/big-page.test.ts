// A page of 5 MB through /summarize and /feeds add, in the real process: the page is read and summarized in
// a worker thread, so another chat's /start is answered meanwhile, the process stays up and under 600 MB,
// and the page gets a summary or a clear refusal. (How fast /start is answered is measured by bench:robust.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BigPageBot, startBigPageBot } from '../support/big-page-bot';

const READER = { id: 101, first_name: 'Reader' };
const OTHER = { id: 202, first_name: 'Other' };
let bot: BigPageBot;

beforeAll(async () => {
  bot = await startBigPageBot(5_000_000);
}, 90_000);
afterAll(async () => bot?.close());

/**
 * Sends `command` and, once the page has been served (the bot is now reading and summarizing it), /start from
 * another chat until the command is answered, at least once: each must be answered. Whether they come before
 * the command's reply depends on the machine's speed: that is bench:robust's to measure.
 */
async function withOtherChat(command: string): Promise<{ text: string }> {
  const served = bot.pageServed();
  const pending = bot.ask(READER, command, 90_000);
  let done = false;
  void pending.finally(() => (done = true));
  await served;
  do {
    const { reply } = await bot.ask(OTHER, '/start', 90_000);
    expect(reply.text).toContain('I read the news');
  } while (!done);
  return { text: (await pending).reply.text };
}

it('summarizes a 5 MB page, or refuses it clearly, while answering other chats', { timeout: 120_000 }, async () => {
  const { text } = await withOtherChat(`/summarize ${bot.pageUrl}`);
  expect(text).toMatch(/council met on Tuesday|took longer than|more than the \d+ MB/);
  expect(bot.alive()).toBe(true);
  expect(bot.memoryMb().peak).toBeLessThan(600);
});

it('adds a 5 MB page as a feed, or refuses it clearly, while answering other chats', { timeout: 120_000 }, async () => {
  const { text } = await withOtherChat(`/feeds add ${bot.pageUrl}`);
  // A page is not a feed: it is read (in a worker) and refused as one, or a limit is named.
  expect(text).toMatch(/^Added|is a web page, not a feed|took longer than|more than the \d+ MB/);
  expect(bot.alive()).toBe(true);
  expect(bot.memoryMb().peak).toBeLessThan(600);
  expect(bot.stderr()).not.toMatch(/heap out of memory|FATAL/);
});
