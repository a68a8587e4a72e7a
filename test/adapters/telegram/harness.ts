// The whole service as a chat sees it: a Tidings runtime on SQLite in memory, the real telegraf client long
// polling the fake Bot API, and a local site for feeds and pages. Every log line is kept to check for the token.
import { loadConfig, secretsOf } from '../../../src/config/env';
import type { Clock } from '../../../src/core/ports';
import { pollDueFeeds } from '../../../src/app/poll';
import { type Tidings, createTidings } from '../../../src/runtime/app';
import { createLogger } from '../../../src/runtime/logger';
import { createSource } from '../../../src/runtime/sources';
import { type TelegramRuntime, startTelegram } from '../../../src/runtime/telegram';
import type { HttpServer } from '../../../src/runtime/http';
import type { SenderOptions } from '../../../src/adapters/telegram/sender';
import { FakeBotApi, type FakeLimits, type FakeUser, type SentMessage } from '../../fakes/telegram/server';
import { LocalSite, localHttpSource } from '../../fakes/web/site';

export const TOKEN = '123456789:AAHfakeTokenForTests_0123456789abc';

/** Fast enough for tests: the fake and the bot agree on a looser per-chat pace. */
export const TEST_LIMITS: Partial<FakeLimits> = { perChatPerSecond: 50, globalPerSecond: 200 };
export const TEST_SENDER: SenderOptions = { limits: { perChatPerSecond: 50, globalPerSecond: 200, marginMs: 5 }, backoffMs: [20, 40, 80], requestTimeoutMs: 500 };

export interface Harness {
  api: FakeBotApi;
  site: LocalSite;
  t: Tidings;
  telegram: TelegramRuntime;
  logs: string[];
  close(): Promise<void>;
  /** A user sends `text`; resolves with the bot's reply to it (the first message answering it). */
  ask(chatId: number, from: FakeUser, text: string, extra?: Parameters<FakeBotApi['userSays']>[3]): Promise<SentMessage>;
}

export async function startHarness(options: { env?: Record<string, string>; http?: HttpServer; clock?: Clock; sender?: SenderOptions } = {}): Promise<Harness> {
  const api = await FakeBotApi.start(TOKEN, TEST_LIMITS);
  const site = await LocalSite.start();
  const logs: string[] = [];
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: 'debug', ...options.env });
  const log = createLogger('debug', secretsOf(config), { write: (s: string) => logs.push(s) });
  const t = await createTidings(config, { log, source: createSource(localHttpSource), ...(options.clock ? { clock: options.clock } : {}) });
  await pollDueFeeds({ ...t.digestDeps, source: t.source, policy: t.policy });
  const telegram = await startTelegram(t, options.http ?? null, { sender: options.sender ?? TEST_SENDER });
  return {
    api,
    site,
    t,
    telegram,
    logs,
    async close() {
      await telegram.stop();
      await t.close();
      await api.close();
      await site.close();
    },
    async ask(chatId, from, text, extra) {
      const id = api.userSays(chatId, from, text, extra);
      const sent = await api.waitFor((s) => s.some((m) => m.reply_to === id), `a reply to ${text}`);
      return sent.find((m) => m.reply_to === id)!;
    },
  };
}
