// The one outgoing queue. Every message (digest parts and command replies alike) goes through a lane of its
// chat, in order, within the limits of limiter.ts. The platform's answers decide what happens next:
//   429          wait retry_after, then send the same message again; only that chat's lane waits
//   5xx, network retry with backoff, then give the caller a 'retry'
//   403, chat not found, topic gone      'gone' (logged once per chat)
//   migrate_to_chat_id                   'moved' to the new id
//   can't parse entities                 the same text once more, as plain text
import { ChatPace, DEFAULT_SEND_LIMITS, GlobalGate, type SendLimits, type Timer, realTimer } from './limiter';
import { htmlToPlain } from './render';
import { type Logger, type RateSlot, type SharedRate, takeShared } from '../../core/ports';

/** The one Bot API call the queue makes; in production telegraf's `telegram.callApi('sendMessage', …)`. */
export type SendMessageCall = (payload: Record<string, unknown>, signal: AbortSignal) => Promise<{ message_id: number }>;

export interface OutgoingMessage {
  chatId: string;
  threadId?: string | null;
  html: string;
  /** The message this one answers (command replies). */
  replyTo?: number | null;
  previewUrl?: string | null;
}

export type MessageOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'retry'; afterMs: number; reason: string }
  | { kind: 'gone'; reason: string }
  | { kind: 'moved'; chatId: string };

export interface SenderOptions {
  limits?: Partial<SendLimits>;
  /** Waits for backoff after 5xx and network errors, in order; when they run out, the caller gets 'retry'. */
  backoffMs?: number[];
  /** A 429 asking for longer than this is handed back to the caller as 'retry' instead of holding the lane. */
  maxHoldMs?: number;
  /** One request may take this long before it is abandoned (and counted as a network error). */
  requestTimeoutMs?: number;
  /**
   * Once a message has been tried for this long (waits included), it is handed back as 'retry' rather than
   * tried again: the outbox's lease on its row must outlast every send.
   */
  messageBudgetMs?: number;
  timer?: Timer;
  /**
   * Queue mode: the overall and per-group rates shared with every other process sending for the bot, on top
   * of this process's own gate (which alone keeps a single process within them).
   */
  sharedRate?: SharedRate | null;
}

export const DEFAULT_SENDER_OPTIONS = {
  limits: DEFAULT_SEND_LIMITS,
  backoffMs: [500, 2_000, 8_000],
  maxHoldMs: 20_000,
  requestTimeoutMs: 15_000,
  messageBudgetMs: 30_000,
  timer: realTimer,
  sharedRate: null,
} as const satisfies Required<SenderOptions>;

/** What telegraf throws for an API answer (TelegramError) or a network failure (FetchError). */
interface ApiFailure {
  response?: { error_code?: number; description?: string; parameters?: { retry_after?: number; migrate_to_chat_id?: number } };
  message?: string;
}

const isGroupId = (chatId: string) => chatId.startsWith('-');
const GONE = /bot was blocked|bot was kicked|user is deactivated|chat not found|not enough rights|have no rights|need administrator rights|bot is not a member|group chat was deleted|message thread not found|topic_deleted|topic_closed|chat_write_forbidden|CHANNEL_PRIVATE/i;

export class TelegramSender {
  private readonly limits: SendLimits;
  private readonly options: Required<Omit<SenderOptions, 'limits' | 'sharedRate'>>;
  private readonly sharedRate: SharedRate | null;
  private readonly gate: GlobalGate;
  private readonly lanes = new Map<string, Promise<unknown>>();
  private readonly paces = new Map<string, ChatPace>();
  private readonly goneLogged = new Set<string>();
  /** Counters for benchmarks and metrics. */
  readonly stats = { sent: 0, rateLimited: 0, retriedErrors: 0, plainTextFallbacks: 0, gone: 0, moved: 0 };

  constructor(
    private readonly call: SendMessageCall,
    private readonly log: Logger,
    options: SenderOptions = {},
  ) {
    this.limits = { ...DEFAULT_SEND_LIMITS, ...options.limits };
    this.options = {
      backoffMs: options.backoffMs ?? [...DEFAULT_SENDER_OPTIONS.backoffMs],
      maxHoldMs: options.maxHoldMs ?? DEFAULT_SENDER_OPTIONS.maxHoldMs,
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_SENDER_OPTIONS.requestTimeoutMs,
      messageBudgetMs: options.messageBudgetMs ?? DEFAULT_SENDER_OPTIONS.messageBudgetMs,
      timer: options.timer ?? DEFAULT_SENDER_OPTIONS.timer,
    };
    this.sharedRate = options.sharedRate ?? null;
    this.gate = new GlobalGate(this.limits.globalPerSecond, this.limits.marginMs, this.options.timer);
  }

  /** Queues one message behind the others for its chat; resolves when it was sent or definitely was not. */
  send(message: OutgoingMessage): Promise<MessageOutcome> {
    const previous = this.lanes.get(message.chatId) ?? Promise.resolve();
    const mine = previous.then(() => this.deliver(message));
    const tail = mine.catch(() => undefined);
    this.lanes.set(message.chatId, tail);
    void tail.then(() => {
      if (this.lanes.get(message.chatId) === tail) this.lanes.delete(message.chatId);
    });
    return mine;
  }

  private pace(chatId: string): ChatPace {
    let p = this.paces.get(chatId);
    if (!p) {
      p = new ChatPace(this.limits, isGroupId(chatId));
      this.paces.set(chatId, p);
      if (this.paces.size > 50_000) this.forgetIdlePaces();
    }
    return p;
  }

  /** Chats quiet for longer than a group's window need no memory of their sends. */
  private forgetIdlePaces(): void {
    const cutoff = this.options.timer.now() - 61_000 - this.limits.marginMs;
    for (const [id, p] of this.paces) if (p.lastSent() < cutoff && !this.lanes.has(id)) this.paces.delete(id);
  }

  /** Places in the rates shared with other processes: the chat's group's per-minute one, then the overall one. */
  private async takeShared(chatId: string): Promise<RateSlot[]> {
    const rate = this.sharedRate;
    if (!rate) return [];
    const sleep = (ms: number) => this.options.timer.sleep(ms);
    const { marginMs } = this.limits;
    const slots: RateSlot[] = [];
    if (isGroupId(chatId)) slots.push(await takeShared(rate, `telegram:group:${chatId}`, this.limits.perGroupPerMinute, 60_000 + marginMs, sleep));
    slots.push(await takeShared(rate, 'telegram:global', this.limits.globalPerSecond, 1000 + marginMs, sleep));
    return slots;
  }

  private payload(m: OutgoingMessage, plain: boolean): Record<string, unknown> {
    return {
      chat_id: m.chatId,
      ...(m.threadId ? { message_thread_id: Number(m.threadId) } : {}),
      text: plain ? htmlToPlain(m.html) : m.html,
      ...(plain ? {} : { parse_mode: 'HTML' }),
      link_preview_options: m.previewUrl ? { url: m.previewUrl, prefer_small_media: true } : { is_disabled: true },
      ...(m.replyTo ? { reply_parameters: { message_id: m.replyTo, allow_sending_without_reply: true } } : {}),
    };
  }

  private async deliver(m: OutgoingMessage): Promise<MessageOutcome> {
    const { timer, backoffMs, maxHoldMs, requestTimeoutMs, messageBudgetMs } = this.options;
    const pace = this.pace(m.chatId);
    const began = timer.now();
    const overBudget = (waitMs: number) => timer.now() - began + waitMs > messageBudgetMs;
    let plain = false;
    let failures = 0;
    for (;;) {
      const wait = pace.earliest(timer.now()) - timer.now();
      if (wait > 0) await timer.sleep(wait);
      const settled = await this.gate.acquire();
      try {
        const shared = await this.takeShared(m.chatId).catch((err: unknown) => {
          settled();
          throw err;
        });
        const sent = await this.call(this.payload(m, plain), AbortSignal.timeout(requestTimeoutMs)).finally(() => {
          settled();
          pace.record(timer.now());
          for (const slot of shared) void slot.release();
        });
        this.stats.sent++;
        return { kind: 'sent', messageId: String(sent.message_id) };
      } catch (err) {
        const f = err as ApiFailure;
        const code = f.response?.error_code;
        const description = f.response?.description ?? f.message ?? String(err);
        const params = f.response?.parameters;
        if (code === 429) {
          this.stats.rateLimited++;
          const afterMs = (params?.retry_after ?? 1) * 1000;
          this.log.warn({ chat: m.chatId, retryAfterMs: afterMs }, 'telegram asked to slow down');
          if (afterMs > maxHoldMs || overBudget(afterMs)) return { kind: 'retry', afterMs, reason: description };
          await timer.sleep(afterMs);
          continue;
        }
        if (params?.migrate_to_chat_id) {
          this.stats.moved++;
          return { kind: 'moved', chatId: String(params.migrate_to_chat_id) };
        }
        if (code === 403 || (code === 400 && GONE.test(description))) {
          this.stats.gone++;
          if (!this.goneLogged.has(m.chatId)) {
            this.goneLogged.add(m.chatId);
            this.log.warn({ chat: m.chatId, reason: description }, 'telegram chat unreachable; its subscription ends');
          }
          return { kind: 'gone', reason: description };
        }
        if (code === 400 && /can't parse entities|unsupported start tag|can't find end tag/i.test(description) && !plain) {
          this.stats.plainTextFallbacks++;
          this.log.error({ chat: m.chatId, reason: description }, 'telegram refused our HTML; sending plain text');
          plain = true;
          continue;
        }
        if (code === undefined || code >= 500) {
          const backoff = backoffMs[failures++];
          this.stats.retriedErrors++;
          if (backoff === undefined || overBudget(backoff + requestTimeoutMs)) return { kind: 'retry', afterMs: 60_000, reason: description };
          this.log.warn({ chat: m.chatId, reason: description, backoffMs: backoff }, 'telegram send failed; retrying');
          await timer.sleep(backoff);
          continue;
        }
        // Another 4xx is our mistake: trying again would fail the same way, so it waits long and is logged.
        this.log.error({ chat: m.chatId, code, reason: description }, 'telegram refused a message');
        return { kind: 'retry', afterMs: 30 * 60_000, reason: description };
      }
    }
  }
}
