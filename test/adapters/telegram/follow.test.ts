// Following a person in a Telegram chat: commands through the real telegraf client long polling the fake Bot
// API, digests and alerts sent through the bot's sender (the journey itself: ../follow-journey.ts).
import { loadConfig } from '../../../src/config/env';
import { createTidings } from '../../../src/runtime/app';
import { startTelegram } from '../../../src/runtime/telegram';
import { FakeBotApi } from '../../fakes/telegram/server';
import { MemoryLogger } from '../../fakes/logger';
import { followJourney } from '../follow-journey';
import { TEST_LIMITS, TEST_SENDER, TOKEN } from './harness';

const ALICE = { id: 612, first_name: 'Alice', username: 'alice' };
let api: FakeBotApi | null = null;
const apiStarted = FakeBotApi.start(TOKEN, TEST_LIMITS).then((a) => {
  api = a;
  a.addChat({ id: ALICE.id, type: 'private' });
  return a;
});
const replies = new Set<number>();

/** The command as a Telegram user types it: "/follow Anna Kovalenko now". */
function line(name: string, args: Record<string, string>): string {
  if (name === 'subscribe') return `/subscribe ${args.time ?? ''} ${args.timezone ?? ''}`.trim();
  return `/${name}${args.name ? ` ${args.name}` : ''}${args.now === 'true' ? ' now' : ''}`;
}

followJourney({
  name: 'Telegram',
  async boot(databaseUrl, clock, source) {
    const bot = await apiStarted;
    const config = loadConfig({ DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: bot.url, LOG_LEVEL: 'warn' });
    const t = await createTidings(config, { clock, source, log: new MemoryLogger() });
    const telegram = await startTelegram(t, null, { sender: TEST_SENDER });
    return {
      t,
      async stop() {
        await telegram.stop();
        await t.close();
      },
    };
  },
  async command(name, args) {
    const bot = await apiStarted;
    const id = bot.userSays(ALICE.id, ALICE, line(name, args));
    const sent = await bot.waitFor((s) => s.some((m) => m.reply_to === id), `a reply to /${name}`);
    const reply = sent.filter((m) => m.reply_to === id);
    for (const m of reply) replies.add(m.message_id);
    return reply.map((m) => m.visible).join('\n');
  },
  posts: () => (api?.sent ?? []).filter((m) => m.chat_id === String(ALICE.id) && m.reply_to === null && !replies.has(m.message_id)).map((m) => m.visible),
  close: async () => (await apiStarted).close(),
});
