// The slash commands Tidings registers (one bulk overwrite). Config commands carry Manage Server as their
// default permission; the handler checks it again, since a server admin can widen who sees a command.
import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPutAPIApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import { COMMANDS } from '../../core/commands';

/** Commands that read or change a channel's settings: Manage Server by default (app/commands checks it again). */
const CONFIG_COMMANDS = new Set(COMMANDS.filter((c) => c.changesSettings).map((c) => c.name));

/** Commands that fetch or build something and so are deferred at once. */
export const SLOW_COMMANDS = new Set(['digest', 'summarize', 'feeds add']);

const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

function command(name: string, description: string, options: { dm?: boolean } = {}): SlashCommandBuilder {
  const b = new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .setContexts(options.dm ? [InteractionContextType.Guild, InteractionContextType.BotDM] : [InteractionContextType.Guild]);
  if (CONFIG_COMMANDS.has(name)) b.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  return b;
}

export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  const digest = command('digest', 'The digest now, without waiting', { dm: true });
  const subscribe = command('subscribe', 'Post a daily digest in a channel')
    .addChannelOption((o) => o.setName('channel').setDescription('Where to post it (default: this channel)').addChannelTypes(...POSTABLE_CHANNELS))
    .addStringOption((o) => o.setName('time').setDescription('Local time, 24-hour HH:MM, e.g. 08:00').setMinLength(3).setMaxLength(5))
    .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Kyiv').setAutocomplete(true).setMaxLength(64));
  const unsubscribe = command('unsubscribe', 'Stop the daily digest in a channel').addChannelOption((o) =>
    o.setName('channel').setDescription('Which channel (default: this one)').addChannelTypes(...POSTABLE_CHANNELS),
  );
  const summarize = command('summarize', 'Summarize a link: the key sentences and the key quote', { dm: true }).addStringOption((o) =>
    o.setName('url').setDescription('The article, e.g. https://example.org/news/story').setRequired(true).setMaxLength(2000),
  );
  const feeds = command('feeds', 'This channel’s own feeds')
    .addSubcommand((s) => s.setName('list').setDescription('List this channel’s feeds'))
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Add a feed (RSS, Atom, JSON Feed), or a site whose pages name their feed')
        .addStringOption((o) => o.setName('url').setDescription('e.g. https://example.org/feed.xml').setRequired(true).setMaxLength(2000)),
    )
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Remove a feed')
        .addStringOption((o) => o.setName('feed').setDescription('Its number in /feeds list, or its URL').setRequired(true).setMaxLength(2000)),
    );
  const topics = command('topics', 'Only stories about these words (empty: show them; "off": all stories)').addStringOption((o) =>
    o.setName('words').setDescription('Words or phrases separated by commas, e.g. energy, elections — or off').setMaxLength(1000),
  );
  const settings = command('settings', 'This channel’s digest settings');
  const person = (o: SlashCommandStringOption, what: string) => o.setName('name').setDescription(what).setRequired(true).setAutocomplete(true).setMaxLength(100);
  const follow = command('follow', 'Put a person’s new quotes in this channel’s digest')
    .addStringOption((o) => person(o, 'Who, e.g. Marco Rubio (suggestions: people quoted in the last 30 days)'))
    .addBooleanOption((o) => o.setName('now').setDescription('Also post each new quote here as it appears (a few an hour at most)'));
  const unfollow = command('unfollow', 'Stop following a person in this channel').addStringOption((o) => person(o, 'Who'));
  const following = command('following', 'The people this channel follows');
  const quotes = command('quotes', 'The latest quotes by a person across this channel’s feeds', { dm: true }).addStringOption((o) => person(o, 'Who, e.g. Marco Rubio'));
  const help = command('help', 'What Tidings does and every command', { dm: true });
  return [digest, subscribe, unsubscribe, summarize, feeds, topics, settings, follow, unfollow, following, quotes, help].map((c) => c.toJSON());
}
