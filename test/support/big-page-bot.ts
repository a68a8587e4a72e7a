// The service as a real process (`tidings start`) with the fake Bot API on 127.0.0.1 and a local site that
// serves one very large article page: what the test and bench:robust both drive. The process's resident
// memory (now and at its peak) is read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBotApi, type FakeUser, type SentMessage } from '../fakes/telegram/server';

const TOKEN = '123456789:AAHfakeTokenForTests_0123456789abc';
const root = join(import.meta.dirname, '..', '..');

/** An article page of about `bytes` characters: paragraphs with an inline script and an icon every so often. */
export function bigArticlePage(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part =
      i % 25 === 0
        ? `<script>window.slot${i}=${JSON.stringify('x'.repeat(400))};</script><figure><svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg><figcaption>Figure ${i}</figcaption></figure>`
        : `<p>Paragraph ${i} of the report says the council met on Tuesday to discuss the budget, and officials said the plan would cost more than expected.</p>`;
    parts.push(part);
    size += part.length;
  }
  return `<!doctype html><html><head><title>A very long report</title><meta property="og:type" content="article"></head><body><article><h1>A very long report</h1>${parts.join('\n')}</article></body></html>`;
}

export interface BigPageBot {
  api: FakeBotApi;
  child: ChildProcess;
  pageUrl: string;
  /** Resolves when the page has next been sent in full: from then on the bot is reading it. */
  pageServed(): Promise<void>;
  /** Resident memory of the bot process now and at its peak, in MB (from /proc). */
  memoryMb(): { rss: number; peak: number };
  alive(): boolean;
  /** Sends `text` from `user` in their private chat; resolves with the reply and how long it took. */
  ask(user: FakeUser, text: string, timeoutMs?: number): Promise<{ reply: SentMessage; ms: number }>;
  stderr(): string;
  close(): Promise<void>;
}

/** `bin`: another checkout's bin/tidings.js (a benchmark compares builds); this one's by default. */
export async function startBigPageBot(pageBytes: number, bin = join(root, 'bin/tidings.js')): Promise<BigPageBot> {
  const page = bigArticlePage(pageBytes);
  let servedWaiters: (() => void)[] = [];
  const site: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page, () => {
      for (const w of servedWaiters) w();
      servedWaiters = [];
    });
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const api = await FakeBotApi.start(TOKEN, { perChatPerSecond: 50, globalPerSecond: 200 });
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bigpage-'));
  const child = spawn(process.execPath, [bin, 'start'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      DATABASE_URL: `sqlite:${join(dir, 't.db')}`,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.url,
      FETCH_ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  let exited = false;
  child.on('exit', () => (exited = true));
  const status = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  const bot: BigPageBot = {
    api,
    child,
    pageUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}/report`,
    memoryMb: () => (exited ? { rss: 0, peak: 0 } : { rss: status('VmRSS'), peak: status('VmHWM') }),
    alive: () => !exited,
    pageServed: () => new Promise<void>((r) => servedWaiters.push(r)),
    async ask(user, text, timeoutMs = 60_000) {
      if (!api.chats.has(user.id)) api.addChat({ id: user.id, type: 'private' });
      const started = performance.now();
      const id = api.userSays(user.id, user, text);
      const sent = await api.waitFor((s) => s.some((m) => m.reply_to === id), `a reply to ${text}`, timeoutMs);
      return { reply: sent.find((m) => m.reply_to === id)!, ms: performance.now() - started };
    },
    stderr: () => err,
    async close() {
      if (!exited) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      await api.close();
      site.closeAllConnections();
      await new Promise<void>((r) => site.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Ready when the bot answers: the first /start goes through the whole path once.
  await bot.ask({ id: 1, first_name: 'Warm' }, '/start', 60_000);
  return bot;
}
