// Following a person in a Discord channel: slash commands through the real discord.js client against the fake
// Discord, digests and alerts posted over its REST API (the journey itself: ../follow-journey.ts).
import type { APIEmbed } from 'discord.js';
import { loadConfig } from '../../../src/config/env';
import { createTidings } from '../../../src/runtime/app';
import { startDiscord } from '../../../src/runtime/discord';
import { FakeDiscord } from '../../fakes/discord/server';
import { MANAGE_GUILD, invoke } from '../../fakes/discord/interactions';
import { MemoryLogger } from '../../fakes/logger';
import { followJourney } from '../follow-journey';
import { APP_ID, TOKEN } from './harness';

const CHANNEL = '510000000000000077';
interface Body {
  type?: number;
  content?: string;
  embeds?: APIEmbed[];
  data?: { content?: string; embeds?: APIEmbed[]; choices?: { name: string; value: string }[] };
}
const textOf = (b: Body | undefined): string => [b?.content ?? '', ...(b?.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name} ${f.value}`)].join(' '))].join(' ');

const discord = new FakeDiscord(APP_ID, { heartbeatIntervalMs: 1500 });
const started = discord.start();

followJourney({
  name: 'Discord',
  async boot(databaseUrl, clock, source) {
    await started;
    const config = loadConfig({ DATABASE_URL: databaseUrl, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: discord.apiRoot, LOG_LEVEL: 'warn' });
    const t = await createTidings(config, { clock, source, log: new MemoryLogger() });
    const bot = await startDiscord(t);
    return {
      t,
      async stop() {
        await bot?.stop();
        await t.close();
      },
    };
  },
  async command(name, options) {
    const { token } = invoke(discord, { name, options, channelId: CHANNEL, permissions: MANAGE_GUILD | (1n << 11n) });
    const traffic = await discord.waitFor(() => {
      const t = discord.interactionTraffic(token);
      const first = t[0]?.body as Body | undefined;
      return first && (first.type === 4 || t.length >= 2) ? t : null;
    });
    const first = traffic[0]!.body as Body;
    return first.type === 4 ? textOf(first.data) : traffic.slice(1).map((r) => textOf(r.body as Body)).join('\n');
  },
  async autocomplete(name, typed) {
    const { token } = invoke(discord, { name, options: { name: typed }, focused: 'name', channelId: CHANNEL, permissions: MANAGE_GUILD }, 'autocomplete');
    const cb = await discord.waitFor(() => discord.interactionTraffic(token)[0]);
    return ((cb.body as Body).data?.choices ?? []).map((c) => c.value);
  },
  posts: () => discord.posts.filter((p) => p.channelId === CHANNEL).map((p) => textOf(p.body as Body)),
  close: () => discord.stop(),
});
