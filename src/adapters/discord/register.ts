// `tidings register-commands`: one bulk overwrite, so commands removed from the definitions disappear too.
import { type REST, Routes } from 'discord.js';
import { commandDefinitions } from './definitions';

export async function registerCommands(rest: REST, applicationId: string, guildId: string | null): Promise<string[]> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const saved = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return saved.map((c) => c.name);
}
