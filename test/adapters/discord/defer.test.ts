// A command not known to be slow is still deferred when its answer is late, before Discord's 3 seconds run out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DiscordBot, createDiscordBot } from '../../../src/adapters/discord';
import type { CommandHandler, CommandReply, CommandRequest } from '../../../src/core/commands';
import { message } from '../../../src/core/document';
import { FakeDiscord } from '../../fakes/discord/server';
import { MANAGE_GUILD, invoke } from '../../fakes/discord/interactions';
import { APP_ID, type LogLine, TOKEN, memoryLogger } from './harness';

let discord: FakeDiscord;
let bot: DiscordBot;
const seen: CommandRequest[] = [];
let release: (reply: CommandReply) => void = () => undefined;
const log: LogLine[] = [];

beforeAll(async () => {
  discord = await new FakeDiscord(APP_ID).start();
  // A handler that answers only when the test lets it: the deferral cannot depend on how fast the machine is.
  const commands: CommandHandler = (req) => {
    seen.push(req);
    return new Promise((resolve) => (release = resolve));
  };
  bot = createDiscordBot({ token: TOKEN, applicationId: APP_ID, apiRoot: discord.apiRoot, commands, log: memoryLogger(log), deferAfterMs: 50 });
  await bot.start();
});
afterAll(async () => {
  await bot?.stop();
  await discord?.stop();
});

it('defers a late answer, then finishes it with an edit', async () => {
  const { token } = invoke(discord, { name: 'settings', channelId: '570000000000000001', permissions: MANAGE_GUILD });
  const deferral = await discord.waitFor(() => discord.interactionTraffic(token)[0]);
  expect(deferral.body).toMatchObject({ type: 5 });
  expect(seen.at(-1)).toMatchObject({ name: 'settings', target: { platform: 'discord', chatId: '570000000000000001' } });
  release({ doc: message('Daily digest: off') });
  const edit = await discord.waitFor(() => discord.interactionTraffic(token)[1]);
  expect(edit).toMatchObject({ method: 'PATCH', body: { content: 'Daily digest: off', allowed_mentions: { parse: [] } } });
  expect(discord.interactionTraffic(token)).toHaveLength(2);
});
