// The Discord adapter: slash commands in, digests and replies out as embeds.
export { createDiscordBot, restClient, type DiscordBot, type DiscordBotOptions } from './client';
export { DiscordSink, GONE_CODES } from './sink';
export { registerCommands } from './register';
export { commandDefinitions } from './definitions';
export { renderDocument, LIMITS } from './render';
