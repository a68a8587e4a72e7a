// The Discord bot: a discord.js client with the Guilds intent only (slash commands need no more), the
// command handler it is given, and the sink for scheduled digests over the same REST queue.
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
  REST,
} from 'discord.js';
import type { CommandHandler } from '../../core/commands';
import type { Document } from '../../core/document';
import type { Logger, SharedRate } from '../../core/ports';
import { type InteractionView, toCommandRequest } from './interactions';
import { type DiscordMessage, LIMITS, renderDocument } from './render';
import { DiscordSink } from './sink';

export interface DiscordBotOptions {
  token: string;
  applicationId: string;
  /** REST base, e.g. https://discord.com/api; the gateway address comes from its /gateway/bot. */
  apiRoot: string;
  commands: CommandHandler;
  log: Logger;
  /** A command not known to be slow is deferred if it has not answered by then (Discord allows 3 s). */
  deferAfterMs?: number;
  /** Rate limits up to this long wait in discord.js's queue; a longer one fails the request (a send is retried later). */
  maxRateLimitWaitMs?: number;
  /** Queue mode: Discord's overall rate shared with the other processes (digests posted by the sink). */
  sharedRate?: SharedRate | null;
}

export interface DiscordBot {
  readonly client: Client;
  readonly sink: DiscordSink;
  /** Logs in and resolves once the gateway says READY. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const NO_MENTIONS = { parse: [] };

export function restClient(apiRoot: string, token: string): REST {
  return new REST({ api: apiRoot }).setToken(token);
}

function viewOf(i: ChatInputCommandInteraction): InteractionView {
  const options: Record<string, string | undefined> = {};
  const flat = i.options.data.flatMap((o) => (o.options ? o.options : [o]));
  for (const o of flat) if (typeof o.value === 'string' || typeof o.value === 'boolean') options[o.name] = String(o.value);
  return {
    commandName: i.commandName,
    subcommand: i.options.getSubcommand(false),
    options,
    channelId: i.channelId,
    guildId: i.guildId,
    canManageGuild: Boolean(i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)),
  };
}

const asReply = (m: DiscordMessage, ephemeral: boolean): InteractionReplyOptions => ({
  content: m.content || '',
  embeds: m.embeds,
  allowedMentions: NO_MENTIONS,
  ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

/** Sends a reply document: the first message answers the interaction, the rest follow it up. */
async function deliver(i: ChatInputCommandInteraction, doc: Document, ephemeral: boolean, lead = ''): Promise<void> {
  const messages = renderDocument(doc);
  if (!messages.length) messages.push({ content: 'Done.', embeds: [] });
  // A line of our own markup (a channel pill), which the document cannot carry because its text is escaped.
  if (lead) {
    const head = messages[0]!;
    if (head.content.length + lead.length + 1 <= LIMITS.content) head.content = head.content ? `${lead}\n${head.content}` : lead;
    else messages.unshift({ content: lead, embeds: [] });
  }
  const [first, ...rest] = messages as [DiscordMessage, ...DiscordMessage[]];
  if (!i.deferred && !i.replied) await i.reply(asReply(first, ephemeral));
  else if (ephemeral) {
    // A public "thinking…" cannot turn private: remove it and answer privately instead.
    await i.deleteReply();
    await i.followUp(asReply(first, true));
  } else await i.editReply({ content: first.content || '', embeds: first.embeds, allowedMentions: NO_MENTIONS });
  for (const m of rest) await i.followUp(asReply(m, ephemeral));
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { log } = options;
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiRoot, rejectOnRateLimit: (limit) => limit.retryAfter > maxWait },
    allowedMentions: NO_MENTIONS,
  });
  client.rest.setToken(options.token);
  const sink = new DiscordSink(client.rest, log, { sharedRate: options.sharedRate ?? null });
  const deferAfterMs = options.deferAfterMs ?? 1500;

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const t = toCommandRequest(viewOf(i));
    // A refusal is answered at once and privately; only work that will run is deferred.
    if (t.slow && ((await options.commands.permits?.(t.request)) ?? true)) await i.deferReply();
    const pending = options.commands(t.request);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deferAfterMs)));
    const early = i.deferred ? null : await Promise.race([pending, late]);
    clearTimeout(timer);
    if (!early && !i.deferred) await i.deferReply();
    const reply = early ?? (await pending);
    // Settings changed for another channel than the one typed in: say which, since the reply says "here".
    const elsewhere = t.request.target.chatId !== i.channelId ? `Channel <#${t.request.target.chatId}>:` : '';
    await deliver(i, reply.doc, reply.ephemeral ?? false, elsewhere);
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    await i.respond((await options.commands.choices?.(focused.name, String(focused.value))) ?? []);
  }

  client.on(Events.InteractionCreate, (i: Interaction) => {
    const work = i.isChatInputCommand() ? onCommand(i) : i.isAutocomplete() ? onAutocomplete(i) : Promise.resolve();
    work.catch(async (err: unknown) => {
      // Not the error object itself: its request URL carries the interaction's token.
      const e = err as { name?: string; message?: string; status?: number; code?: unknown };
      log.error({ error: { name: e.name, message: e.message, status: e.status, code: e.code }, interaction: i.id }, 'discord interaction failed');
      if (!i.isChatInputCommand()) return;
      const sorry = 'Something went wrong on my side; nothing was changed. Please try again in a minute.';
      await (i.deferred || i.replied ? i.followUp({ content: sorry, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }) : i.reply({ content: sorry, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })).catch(() => undefined);
    });
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'discord gateway closed for good'));

  return {
    client,
    sink,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      log.info({ user: client.user?.tag, application: options.applicationId }, 'discord connected');
    },
    async stop() {
      await client.destroy();
    },
  };
}
