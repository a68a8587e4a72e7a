// The Telegram adapter: telegraf receives updates (long polling, or webhook updates handed in), commands are
// translated into CommandRequests for the platform-neutral handler, and every reply and digest leaves through
// one rate-limited queue. Nothing here decides what a command does.
import { Telegraf } from 'telegraf';
import type { ChatMemberUpdated, Message, Update } from 'telegraf/types';
import { COMMANDS, type CommandHandler, type CommandRequest } from '../../core/commands';
import { message as textDoc } from '../../core/document';
import type { ChatTarget } from '../../core/model';
import type { Logger } from '../../core/ports';
import { type SenderOptions, TelegramSender } from './sender';
import { TELEGRAM, TelegramSink } from './sink';

export interface TelegramAdapterOptions {
  token: string;
  apiRoot: string;
  commands: CommandHandler;
  log: Logger;
  sender?: SenderOptions;
  /** Webhook mode: Telegram posts updates to `url` with `secret` in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { url: string; secret: string } | null;
  /** Long-polling wait per getUpdates call, in seconds. */
  pollTimeoutSeconds?: number;
  /** The bot was removed from a chat or blocked by its user: its subscriptions end at once. */
  chatGone?: (chat: ChatTarget, reason: string) => Promise<unknown>;
}

/** The updates the bot asks Telegram for: messages (commands) and changes of its own membership in a chat. */
const ALLOWED_UPDATES = ['message', 'my_chat_member'] as const;
const GONE_STATUSES = new Set(['left', 'kicked']);

/** Commands that may name a channel first when sent in a private chat: `/subscribe @channel 08:00`. */
const CHANNEL_COMMANDS = new Set(['subscribe', 'unsubscribe', 'time', 'timezone', 'topics', 'feeds', 'settings', 'digest', 'follow', 'unfollow', 'following']);
const CHANNEL_REF = /^(@[A-Za-z][A-Za-z0-9_]{3,31}|-100\d{5,})(?=\s|$)\s*/;
const ADMIN = new Set(['creator', 'administrator']);

interface ParsedCommand {
  name: string;
  args: string;
}

/** The command at the start of a message, unless it is addressed to another bot (`/help@OtherBot`). */
export function parseCommand(msg: Message.TextMessage, botUsername: string): ParsedCommand | null {
  const entity = msg.entities?.[0];
  if (!entity || entity.type !== 'bot_command' || entity.offset !== 0) return null;
  const [name, mention] = msg.text.slice(1, entity.length).split('@');
  if (!name) return null;
  if (mention && mention.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: name.toLowerCase(), args: msg.text.slice(entity.length).trim() };
}

/** Takes the bot token out of error messages: telegraf's errors carry the request URL. */
function scrubbed(token: string) {
  return (err: unknown): never => {
    throw scrubOnly(err, token);
  };
}

export class TelegramAdapter {
  readonly bot: Telegraf;
  readonly sender: TelegramSender;
  readonly sink: TelegramSink;
  private readonly log: Logger;
  private polling: Promise<void> | null = null;

  constructor(private readonly options: TelegramAdapterOptions) {
    this.log = options.log;
    this.bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot, webhookReply: false } });
    const scrub = scrubbed(options.token);
    this.sender = new TelegramSender(
      (payload, signal) => this.bot.telegram.callApi('sendMessage', payload as never, { signal } as never).catch(scrub),
      options.log,
      options.sender,
    );
    this.sink = new TelegramSink(this.sender);
    // Telegraf waits for a batch of updates to be handled before it polls again; commands are queued per chat
    // instead, so a slow one (/feeds add reads the feed) holds only its own chat, and a chat's commands keep their order.
    this.bot.on('message', (ctx) => {
      this.inOrder(String(ctx.message.chat.id), () => this.onMessage(ctx.message));
    });
    this.bot.on('my_chat_member', (ctx) => {
      const update = ctx.myChatMember;
      this.inOrder(String(update.chat.id), () => this.onMembership(update));
    });
    this.bot.catch((err) => {
      this.log.error({ err: scrubOnly(err, options.token) }, 'telegram update failed');
    });
  }

  /** Identifies the bot, registers its commands, then starts long polling or points the webhook here. */
  async start(): Promise<void> {
    const scrub = scrubbed(this.options.token);
    this.bot.botInfo = await this.bot.telegram.getMe().catch(scrub);
    await this.bot.telegram
      .setMyCommands(COMMANDS.map((c) => ({ command: c.name, description: c.description.slice(0, 256) })))
      .catch((err: unknown) => this.log.warn({ err: scrubOnly(err, this.options.token) }, 'could not register the command menu'));
    const hook = this.options.webhook;
    if (hook) {
      await this.bot.telegram.setWebhook(hook.url, { secret_token: hook.secret, allowed_updates: [...ALLOWED_UPDATES] }).catch(scrub);
      this.log.info({ bot: this.bot.botInfo.username, mode: 'webhook' }, 'telegram started');
      return;
    }
    this.polling = this.poll();
    this.log.info({ bot: this.bot.botInfo.username, mode: 'polling' }, 'telegram started');
  }

  /**
   * Long polling until stop(). telegraf retries network errors and 5xx inside its loop; anything that ends the
   * loop otherwise (a failed deleteWebhook, 409 while another instance polls, 401) is logged and polling starts
   * again after a growing pause, so one bad answer never leaves the bot deaf.
   */
  private async poll(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] });
        if (this.stopping) return;
        attempt = 0;
      } catch (err) {
        if (this.stopping) return;
        const pauseMs = Math.min(300_000, 1_000 * 2 ** Math.min(attempt, 9));
        this.log.error({ err: scrubOnly(err, this.options.token), pauseMs }, 'telegram polling failed; starting again after a pause');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pauseMs);
          this.wakePoller = () => (clearTimeout(timer), resolve());
        });
      }
    }
  }

  private stopping = false;
  private wakePoller: () => void = () => undefined;

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakePoller();
    const polling = this.polling;
    if (polling) {
      let ended = false;
      void polling.then(() => (ended = true));
      // A stop that lands while launch() is still between its calls finds no loop to stop yet: ask again.
      while (!ended) {
        try {
          this.bot.stop('shutdown');
        } catch {
          // not polling at this instant
        }
        await Promise.race([polling, new Promise((r) => setTimeout(r, 100))]);
      }
      this.polling = null;
    }
    await this.idle();
  }

  /** One update from the webhook (already authenticated and de-duplicated by the caller). */
  handleUpdate(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }

  private readonly chats = new Map<string, Promise<void>>();

  private inOrder(chatId: string, work: () => Promise<void>): void {
    const run = (this.chats.get(chatId) ?? Promise.resolve()).then(work).catch((err: unknown) => {
      this.log.error({ err: scrubOnly(err, this.options.token), chat: chatId }, 'telegram command failed');
    });
    this.chats.set(chatId, run);
    void run.then(() => {
      if (this.chats.get(chatId) === run) this.chats.delete(chatId);
    });
  }

  /** Resolves when every command received so far has been answered (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chats.size) await Promise.all(this.chats.values());
  }

  /**
   * The bot's own membership changed. Removed from a group or channel, or blocked in a private chat: the chat's
   * subscriptions end now rather than at the next failed send. Added to a group: it says what it does.
   */
  private async onMembership(update: ChatMemberUpdated): Promise<void> {
    const chat: ChatTarget = { platform: TELEGRAM, chatId: String(update.chat.id), threadId: null };
    const was = update.old_chat_member.status;
    const now = update.new_chat_member.status;
    if (GONE_STATUSES.has(now)) {
      const reason = update.chat.type === 'private' ? 'the user blocked the bot' : `the bot was removed from the ${update.chat.type}`;
      await this.options.chatGone?.(chat, reason);
      return;
    }
    if (GONE_STATUSES.has(was) && (update.chat.type === 'group' || update.chat.type === 'supergroup')) {
      const answer = await this.options.commands({ target: chat, chatKind: 'group', isAdmin: false, name: 'start', args: '' });
      const outcome = await this.sink.send(chat, answer.doc);
      if (outcome.kind !== 'sent') this.log.warn({ chat: chat.chatId, outcome: outcome.kind }, 'telegram greeting not delivered');
    }
  }

  private async onMessage(msg: Message): Promise<void> {
    if (!('text' in msg) || !this.bot.botInfo) return;
    const cmd = parseCommand(msg, this.bot.botInfo.username);
    if (!cmd) return;
    const threadId = msg.is_topic_message && msg.message_thread_id ? String(msg.message_thread_id) : null;
    const here: ChatTarget = { platform: TELEGRAM, chatId: String(msg.chat.id), threadId };
    const reply = async (doc: Parameters<TelegramSink['send']>[1]) => {
      const outcome = await this.sink.reply(here, doc, msg.message_id);
      if (outcome.kind !== 'sent') this.log.warn({ chat: here.chatId, outcome: outcome.kind }, 'telegram reply not delivered');
    };

    let request: CommandRequest;
    if (msg.chat.type === 'private') {
      const ref = CHANNEL_COMMANDS.has(cmd.name) ? CHANNEL_REF.exec(cmd.args) : null;
      if (ref && msg.from) {
        const channel = await this.channelManagedBy(ref[1]!, msg.from.id);
        if (typeof channel === 'string') return reply(textDoc(channel));
        request = { target: channel.target, chatKind: 'channel', isAdmin: true, name: cmd.name, args: cmd.args.slice(ref[0].length), targetLabel: channel.label };
      } else {
        request = { target: here, chatKind: 'private', isAdmin: true, name: cmd.name, args: cmd.args };
      }
    } else {
      // Asked of Telegram only when the command changes something (app/commands decides).
      request = { target: here, chatKind: 'group', isAdmin: () => this.isGroupAdmin(msg), name: cmd.name, args: cmd.args };
    }
    const replied = msg.reply_to_message;
    if (replied) request.replyToText = ('text' in replied ? replied.text : 'caption' in replied ? replied.caption : null) ?? null;
    const answer = await this.options.commands(request);
    await reply(answer.doc);
  }

  /** Anonymous admins post as the group itself; everyone else is asked about. */
  private async isGroupAdmin(msg: Message): Promise<boolean> {
    if (msg.sender_chat?.id === msg.chat.id) return true;
    if (!msg.from) return false;
    try {
      return ADMIN.has((await this.bot.telegram.getChatMember(msg.chat.id, msg.from.id)).status);
    } catch (err) {
      this.log.warn({ err: scrubOnly(err, this.options.token), chat: msg.chat.id }, 'could not check admin status');
      return false;
    }
  }

  /** The channel `ref` names, if the bot may post there and `userId` administers it; else what to tell the user. */
  private async channelManagedBy(ref: string, userId: number): Promise<{ target: ChatTarget; label: string } | string> {
    const tg = this.bot.telegram;
    let chat;
    try {
      chat = await tg.getChat(ref);
    } catch {
      return `I can’t see ${ref}. Add me to the channel as an admin who can post messages, then send this again.`;
    }
    if (chat.type !== 'channel') return `${ref} is not a channel. For a group, add me there and send the command in the group.`;
    const label = 'username' in chat && chat.username ? `@${chat.username}` : chat.title;
    try {
      const me = await tg.getChatMember(chat.id, this.bot.botInfo!.id);
      if (me.status !== 'administrator' || !me.can_post_messages) return `Make me an admin of ${label} who can post messages, then send this again.`;
      const you = await tg.getChatMember(chat.id, userId);
      if (!ADMIN.has(you.status)) return `Only the admins of ${label} can set up its digest.`;
    } catch {
      return `I can’t check ${label}’s admins. Make me an admin of the channel, then send this again.`;
    }
    return { target: { platform: TELEGRAM, chatId: String(chat.id), threadId: null }, label };
  }
}

/** The error with the token cut from its message and stack (the stack was written with the old message). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a failed Bot API call may succeed if tried again: a 5xx or a 429 from Telegram, or no answer at all
 * (refused, reset, timed out). A 401 (wrong token) or a 404 (wrong API root) is not: it needs the operator.
 */
export function isTransientTelegramError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { response?: { error_code?: unknown }; code?: unknown; type?: unknown; errno?: unknown; name?: unknown };
  if (e.response && typeof e.response.error_code === 'number') return e.response.error_code >= 500 || e.response.error_code === 429;
  if (e.type === 'system' || e.name === 'AbortError' || e.type === 'request-timeout') return true; // node-fetch: no answer
  return typeof e.code === 'string' && NETWORK_CODES.has(e.code);
}

function scrubOnly(err: unknown, token: string): unknown {
  if (err instanceof Error) {
    err.message = err.message.split(token).join('[redacted]');
    if (err.stack) err.stack = err.stack.split(token).join('[redacted]');
  }
  return err;
}
