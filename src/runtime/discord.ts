// Wires the Discord adapter when DISCORD_TOKEN is set: its sink joins the others, its client serves commands.
import { type Config, configError } from '../config/env';
import { type DiscordBot, DiscordSink, createDiscordBot, registerCommands, restClient } from '../adapters/discord';
import type { SharedRate } from '../core/ports';
import type { Tidings } from './app';

/**
 * Registers the Discord sink and connects the client; null when Discord is not configured. With `receive` false
 * (a queue-mode worker) only the sink is set up: a bot has one gateway connection, held by the scheduler
 * process, while every worker posts digests over REST.
 */
export async function startDiscord(t: Tidings, options: { receive?: boolean; sharedRate?: SharedRate | null } = {}): Promise<Pick<DiscordBot, 'stop'> | null> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId, DISCORD_API_ROOT: apiRoot } = t.config;
  if (!token || !applicationId) return null;
  if (options.receive === false) {
    t.sinks.set('discord', new DiscordSink(restClient(apiRoot, token), t.log, { sharedRate: options.sharedRate ?? null }));
    return { stop: async () => undefined };
  }
  const bot = createDiscordBot({ token, applicationId, apiRoot, commands: t.commands, log: t.log, sharedRate: options.sharedRate ?? null });
  t.sinks.set('discord', bot.sink);
  try {
    await bot.start();
  } catch (err) {
    await bot.stop().catch(() => undefined);
    if ((err as { code?: unknown }).code === 'TokenInvalid') throw configError('DISCORD_TOKEN=(hidden) was refused by Discord.', 'Copy the bot token again from the developer portal (Bot, Reset Token).');
    throw err;
  }
  return bot;
}

/** `tidings register-commands`: the slash commands, guild-scoped when a guild is given. */
export async function registerDiscordCommands(config: Config, guildId: string | null): Promise<string[]> {
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: applicationId } = config;
  if (!token || !applicationId) throw configError('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set');
  return registerCommands(restClient(config.DISCORD_API_ROOT, token), applicationId, guildId);
}
