// A fake Bot API on 127.0.0.1 that behaves like Telegram where Tidings depends on it: long-polled getUpdates
// with offsets, sendMessage that validates HTML and length and keeps Telegram's rate limits (429 with
// retry_after), chats that block the bot (403), groups that migrate (migrate_to_chat_id), forum topics, chat
// members and their statuses. Every call and every sent message is recorded for the test to read.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTelegramHtml } from './html';

export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';
export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked';

export interface FakeUser {
  id: number;
  first_name: string;
  username?: string;
}

export interface FakeChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  is_forum?: boolean;
  /** Forum topic ids that exist. */
  topics?: number[];
  members?: Record<number, MemberStatus>;
  /** The bot may post (channels). */
  botCanPost?: boolean;
  blocked?: boolean;
  migratedTo?: number;
}

export interface SentMessage {
  message_id: number;
  chat_id: string;
  thread_id: number | null;
  text: string;
  /** The text as the reader sees it (HTML parsed). */
  visible: string;
  parse_mode: string | null;
  reply_to: number | null;
  preview: { is_disabled?: boolean; url?: string } | null;
  at: number;
}

export interface Fault {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FakeLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

interface Poll {
  offset: number;
  resolve: (updates: unknown[]) => void;
  timer: NodeJS.Timeout;
}

const BOT: FakeUser & { is_bot: true } = { id: 777000111, first_name: 'Tidings', username: 'tidings_test_bot', is_bot: true };

export class FakeBotApi {
  readonly sent: SentMessage[] = [];
  readonly calls: { method: string; payload: Record<string, unknown> }[] = [];
  readonly counts = { tooManyRequests: 0, parseErrors: 0, tooLong: 0 };
  readonly bot = BOT;
  readonly chats = new Map<number, FakeChat>();
  private readonly updates: ({ update_id: number } & Record<string, unknown>)[] = [];
  /** What the last getUpdates (or setWebhook) asked for; like Telegram, other kinds of update are not handed out. */
  allowedUpdates: string[] = ['message'];
  private readonly polls = new Set<Poll>();
  private readonly faults = new Map<string, (Fault | 'drop' | 'pass' | 'hang')[]>();
  private readonly methodFaults = new Map<string, Fault[]>();
  private readonly arrivals: number[] = [];
  private readonly chatArrivals = new Map<string, number[]>();
  private readonly groupArrivals = new Map<string, number[]>();
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private server!: Server;
  url = '';

  constructor(
    readonly token: string,
    readonly limits: FakeLimits = { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
  ) {}

  static async start(token: string, limits?: Partial<FakeLimits>): Promise<FakeBotApi> {
    const api = new FakeBotApi(token, { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20, ...limits });
    api.server = createServer((req, res) => void api.handle(req, res));
    // Like a remote server, keep idle connections longer than clients do, so a reused one is never cut under them.
    api.server.keepAliveTimeout = 75_000;
    await new Promise<void>((r) => api.server.listen(0, '127.0.0.1', () => r()));
    api.url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    return api;
  }

  async close(): Promise<void> {
    for (const p of this.polls) {
      clearTimeout(p.timer);
      p.resolve([]);
    }
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  addChat(chat: FakeChat): FakeChat {
    this.chats.set(chat.id, chat);
    return chat;
  }

  /**
   * Answers the next `times` sendMessage calls to this chat with an error ('drop': the connection is cut,
   * 'hang': no answer at all, 'pass': handled normally, to place a fault later in the line).
   */
  faultNext(chatId: number | string, fault: Fault | 'drop' | 'pass' | 'hang', times = 1): void {
    const list = this.faults.get(String(chatId)) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(String(chatId), list);
  }

  /** Answers the next `times` calls of `method` (getMe, setWebhook…) with an error. */
  failMethod(method: string, fault: Fault, times = 1): void {
    this.methodFaults.set(method, [...(this.methodFaults.get(method) ?? []), ...Array.from({ length: times }, () => fault)]);
  }

  /** A user sends a text message (a command, usually); returns its message_id. */
  userSays(chatId: number, from: FakeUser, text: string, extra: { threadId?: number; replyTo?: { text: string } ; anonymousAdmin?: boolean } = {}): number {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`no fake chat ${chatId}`);
    const message_id = this.nextMessageId++;
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    const message: Record<string, unknown> = {
      message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat.id, type: chat.type, ...(chat.title ? { title: chat.title } : { first_name: from.first_name }), ...(chat.is_forum ? { is_forum: true } : {}) },
      from: { ...from, is_bot: false },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...(extra.threadId ? { message_thread_id: extra.threadId, is_topic_message: true } : {}),
      ...(extra.replyTo ? { reply_to_message: { message_id: message_id - 1, date: 0, chat: { id: chat.id, type: chat.type }, text: extra.replyTo.text } } : {}),
      ...(extra.anonymousAdmin ? { sender_chat: { id: chat.id, type: chat.type, title: chat.title } } : {}),
    };
    this.push({ message });
    return message_id;
  }

  /** The update as it would be posted to a webhook (and not queued for getUpdates). */
  webhookUpdate(chatId: number, from: FakeUser, text: string): { update_id: number; message: Record<string, unknown> } {
    this.userSays(chatId, from, text);
    return this.updates.pop()! as { update_id: number; message: Record<string, unknown> };
  }

  /** The bot's own status in a chat changes ('kicked', 'left', 'member', 'administrator'), by `from`'s hand. */
  botStatusChanges(chatId: number, from: FakeUser, was: string, now: string): void {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`no fake chat ${chatId}`);
    this.push({
      my_chat_member: {
        chat: { id: chat.id, type: chat.type, ...(chat.title ? { title: chat.title } : { first_name: from.first_name }) },
        from: { ...from, is_bot: false },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: this.bot, status: was },
        new_chat_member: { user: this.bot, status: now },
      },
    });
  }

  /** Waits (polling the record, no timing assertions) until `predicate` holds for the sent messages. */
  async waitFor(predicate: (sent: SentMessage[]) => boolean, what = 'messages', timeoutMs = 20_000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.sent)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; sent so far: ${JSON.stringify(this.sent.map((s) => [s.chat_id, s.visible.slice(0, 80)]))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.sent;
  }

  sentTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((s) => s.chat_id === String(chatId));
  }

  private push(u: Record<string, Record<string, unknown>>): void {
    const update = { update_id: this.nextUpdateId++, ...u };
    this.updates.push(update);
    for (const p of [...this.polls]) this.answerPoll(p);
  }

  private answerPoll(p: Poll): void {
    const ready = this.updates.filter((u) => u.update_id >= p.offset && Object.keys(u).some((k) => this.allowedUpdates.includes(k)));
    if (!ready.length) return;
    clearTimeout(p.timer);
    this.polls.delete(p);
    p.resolve(ready);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const send = (status: number, body: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!m || m[1] !== this.token) return send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const raw = Buffer.concat(chunks).toString('utf8');
    const payload = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    this.calls.push({ method, payload });
    const fail = (f: Fault) => send(f.error_code, { ok: false, ...f });
    const result = (r: unknown) => send(200, { ok: true, result: r });
    const scripted = this.methodFaults.get(method)?.shift();
    if (scripted) return fail(scripted);
    switch (method) {
      case 'getMe':
        return result(this.bot);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
        return result(true);
      case 'getUpdates':
        if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates as string[];
        return result(await this.getUpdates(Number(payload.offset ?? 0), Number(payload.timeout ?? 0)));
      case 'getChat': {
        const chat = this.chatByRef(payload.chat_id);
        if (!chat) return fail({ error_code: 400, description: 'Bad Request: chat not found' });
        return result({ id: chat.id, type: chat.type, title: chat.title, username: chat.username });
      }
      case 'getChatMember': {
        const chat = this.chatByRef(payload.chat_id);
        if (!chat) return fail({ error_code: 400, description: 'Bad Request: chat not found' });
        const userId = Number(payload.user_id);
        if (userId === this.bot.id) {
          const isAdmin = chat.botCanPost !== undefined || chat.members?.[userId] === 'administrator';
          return result({ user: this.bot, status: isAdmin ? 'administrator' : 'member', ...(isAdmin ? { can_post_messages: chat.botCanPost ?? true } : {}) });
        }
        const status = chat.members?.[userId] ?? 'left';
        return result({ user: { id: userId, is_bot: false, first_name: 'someone' }, status });
      }
      case 'sendMessage':
        this.dropConnection = () => req.socket.destroy();
        return this.sendMessage(payload, send);
      default:
        return fail({ error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private chatByRef(ref: unknown): FakeChat | undefined {
    if (typeof ref === 'string' && ref.startsWith('@')) return [...this.chats.values()].find((c) => c.username && `@${c.username}` === ref);
    return this.chats.get(Number(ref));
  }

  private getUpdates(offset: number, timeoutSeconds: number): Promise<unknown[]> {
    // Confirming an offset forgets the updates before it, as Telegram does.
    while (this.updates.length && this.updates[0]!.update_id < offset) this.updates.shift();
    return new Promise((resolve) => {
      const poll: Poll = { offset, resolve, timer: setTimeout(() => (this.polls.delete(poll), resolve([])), timeoutSeconds * 1000) };
      this.polls.add(poll);
      this.answerPoll(poll);
    });
  }

  /** Counts an arrival against a sliding window; returns seconds to wait when it does not fit. */
  private overLimit(times: number[], limit: number, windowMs: number, now: number): number | null {
    while (times.length && times[0]! <= now - windowMs) times.shift();
    if (times.length >= limit) return Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
    return null;
  }

  private dropConnection: () => void = () => undefined;

  private sendMessage(p: Record<string, unknown>, send: (status: number, body: unknown) => void): void {
    const fail = (f: Fault) => send(f.error_code, { ok: false, ...f });
    const chatId = String(p.chat_id);
    const chat = this.chatByRef(p.chat_id);
    // Wall-clock milliseconds, comparable across threads and processes.
    const now = performance.timeOrigin + performance.now();
    const isGroup = chat?.type === 'group' || chat?.type === 'supergroup';
    const perChat = this.chatArrivals.get(chatId) ?? [];
    const perGroup = this.groupArrivals.get(chatId) ?? [];
    this.chatArrivals.set(chatId, perChat);
    this.groupArrivals.set(chatId, perGroup);
    const wait =
      this.overLimit(this.arrivals, this.limits.globalPerSecond, 1000, now) ??
      this.overLimit(perChat, this.limits.perChatPerSecond, 1000, now) ??
      (isGroup ? this.overLimit(perGroup, this.limits.perGroupPerMinute, 60_000, now) : null);
    if (wait !== null) {
      this.counts.tooManyRequests++;
      return fail({ error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
    }
    this.arrivals.push(now);
    perChat.push(now);
    if (isGroup) perGroup.push(now);
    const scripted = this.faults.get(chatId)?.shift();
    if (scripted === 'drop') return void this.dropConnection();
    if (scripted === 'hang') return;
    if (scripted && scripted !== 'pass') return fail(scripted);
    if (!chat) return fail({ error_code: 400, description: 'Bad Request: chat not found' });
    if (chat.blocked) return fail({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    if (chat.migratedTo) return fail({ error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: chat.migratedTo } });
    const thread = p.message_thread_id === undefined ? null : Number(p.message_thread_id);
    if (thread !== null && !(chat.is_forum && chat.topics?.includes(thread))) return fail({ error_code: 400, description: 'Bad Request: message thread not found' });
    const text = typeof p.text === 'string' || typeof p.text === 'number' ? String(p.text) : ''; // the Bot API reads a number as its digits
    let visible = text;
    if (p.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) {
        this.counts.parseErrors++;
        return fail({ error_code: 400, description: parsed.error });
      }
      visible = parsed.text;
    } else if (p.parse_mode !== undefined) return fail({ error_code: 400, description: `Bad Request: unsupported parse_mode ${JSON.stringify(p.parse_mode)}` });
    if (!visible.trim()) return fail({ error_code: 400, description: 'Bad Request: message text is empty' });
    if (visible.length > 4096) {
      this.counts.tooLong++;
      return fail({ error_code: 400, description: 'Bad Request: message is too long' });
    }
    const replyParams = p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    const message_id = this.nextMessageId++;
    this.sent.push({
      message_id,
      chat_id: String(chat.id),
      thread_id: thread,
      text,
      visible,
      parse_mode: (p.parse_mode as string | undefined) ?? null,
      reply_to: replyParams?.message_id ?? null,
      preview: (p.link_preview_options as SentMessage['preview']) ?? null,
      at: now,
    });
    send(200, { ok: true, result: { message_id, date: Math.floor(Date.now() / 1000), chat: { id: chat.id, type: chat.type }, text: visible } });
  }
}
