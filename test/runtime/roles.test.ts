// In queue mode a worker only sends: the scheduler process holds Discord's one gateway connection and Telegram's
// one update stream, and a worker that opened its own would double-handle every command.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { createLogger } from '../../src/runtime/logger';
import { type Started, runStart } from '../../src/runtime/start';
import { FakeDiscord } from '../fakes/discord/server';
import { FakeBotApi } from '../fakes/telegram/server';
import { REDIS_URL, removeRedisKeys } from '../support/servers';

const TOKEN = '123456789:AAHworkerRoleToken_0123456789abcdef';
const DISCORD_TOKEN = 'discord-worker-role-token-0123456789';
const started: Started[] = [];
const prefix = `roles-${randomUUID()}`;
afterAll(() => removeRedisKeys(prefix));
const fakes: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
  for (const f of fakes.splice(0)) await f.close();
});

it('a worker sends on Telegram and Discord without polling, setting a webhook or opening a gateway', { timeout: 60_000 }, async () => {
  const telegram = await FakeBotApi.start(TOKEN);
  const discord = await new FakeDiscord('123456789012345678', { token: DISCORD_TOKEN }).start();
  fakes.push(telegram, { close: () => discord.stop() });
  const config = loadConfig({
    DATABASE_URL: 'sqlite::memory:',
    REDIS_URL,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: '123456789012345678',
    DISCORD_API_ROOT: discord.apiRoot,
    LOG_LEVEL: 'silent',
  });
  const worker = await runStart(config, { role: 'worker', log: createLogger('silent', []), queuePrefix: prefix });
  started.push(worker);
  expect([...worker.tidings.sinks.keys()].sort()).toEqual(['discord', 'telegram']);
  expect(telegram.calls.map((c) => c.method)).toEqual([]);
  expect(discord.gateways).toEqual([]);

  // Its sinks post over plain API calls.
  telegram.addChat({ id: 77, type: 'private' });
  const doc = { sections: [{ blocks: [{ kind: 'paragraph' as const, inlines: [{ text: 'Hello from a worker' }] }] }] };
  expect(await worker.tidings.sinks.get('telegram')!.send({ platform: 'telegram', chatId: '77' }, doc)).toMatchObject({ kind: 'sent' });
  expect(await worker.tidings.sinks.get('discord')!.send({ platform: 'discord', chatId: '555' }, doc)).toMatchObject({ kind: 'sent' });
  expect(telegram.calls.map((c) => c.method)).toEqual(['sendMessage']);
  expect(discord.posts.map((p) => p.channelId)).toEqual(['555']);
  expect(discord.gateways).toEqual([]);
});
