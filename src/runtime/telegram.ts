// Wires the Telegram adapter: the command handler in, the sink out, and either long polling or the webhook
// route on the service's HTTP server.
import { randomBytes } from 'node:crypto';
import { TelegramAdapter, isTransientTelegramError } from '../adapters/telegram/bot';
import type { SenderOptions } from '../adapters/telegram/sender';
import { webhookHandler } from '../adapters/telegram/webhook';
import { endChat } from '../app/deliver';
import type { SharedRate } from '../core/ports';
import { configError } from '../config/env';
import type { Tidings } from './app';
import type { HttpServer } from './http';
import { retryTransient } from './retry';

export interface TelegramRuntime {
  adapter: TelegramAdapter;
  stop(): Promise<void>;
}

/**
 * With `receive` false (a queue-mode worker) the bot neither polls nor sets the webhook: one process does that.
 * A worker still answers webhook updates sent to it (behind a load balancer) when the secret is configured,
 * since every process must then check the same secret.
 */
export interface TelegramStartOptions {
  sender?: SenderOptions;
  receive?: boolean;
  /** Ends the start-up retries (a stop signal). */
  signal?: AbortSignal;
  /** The first pause after a transient failure at start (a 502, no answer); each next one doubles. */
  retryDelayMs?: number;
  /** Queue mode: the send rates shared with the other processes (runtime/start.ts). */
  sharedRate?: SharedRate | null;
}

export async function startTelegram(t: Tidings, http: HttpServer | null, options: TelegramStartOptions = {}): Promise<TelegramRuntime> {
  const token = t.config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('startTelegram needs TELEGRAM_BOT_TOKEN');
  const hookUrl = t.config.TELEGRAM_WEBHOOK_URL;
  // Without a configured secret, one for this run: Telegram is told it in setWebhook.
  const secret = t.config.TELEGRAM_WEBHOOK_SECRET ?? randomBytes(32).toString('hex');
  const adapter = new TelegramAdapter({
    token,
    apiRoot: t.config.TELEGRAM_API_ROOT,
    commands: t.commands,
    chatGone: (chat, reason) => endChat(t.store, t.log, chat, reason),
    log: t.log,
    webhook: hookUrl ? { url: hookUrl, secret } : null,
    sender: { sharedRate: options.sharedRate ?? null, ...options.sender, limits: { globalPerSecond: t.config.TELEGRAM_MAX_PER_SECOND, ...options.sender?.limits } },
  });
  const receive = options.receive !== false;
  if (hookUrl && (receive || t.config.TELEGRAM_WEBHOOK_SECRET)) {
    if (!http) throw configError('HTTP_PORT must be set in webhook mode (TELEGRAM_WEBHOOK_URL is set)');
    http.route('POST', new URL(hookUrl).pathname, webhookHandler(secret, (u) => adapter.handleUpdate(u), t.log));
  }
  t.sinks.set(adapter.sink.platform, adapter.sink);
  // A Bot API that is down for a moment at start (a 502, a refused connection) is waited for, as polling later
  // waits; a refused token is not, and ends the start.
  if (receive) {
    try {
      await retryTransient(() => adapter.start(), {
        transient: isTransientTelegramError,
        log: t.log,
        what: 'starting telegram',
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.retryDelayMs ? { firstDelayMs: options.retryDelayMs } : {}),
      });
    } catch (err) {
      await adapter.stop().catch(() => undefined);
      // Telegram answers 401 (or 404 for a token of no bot) when it does not know the token: a setting to fix.
      const code = (err as { code?: unknown }).code;
      if (code === 401 || code === 404) throw configError('TELEGRAM_BOT_TOKEN=(hidden) was refused by Telegram.', 'Copy the token again from @BotFather (/mybots, API Token).');
      throw err;
    }
  }
  return { adapter, stop: () => adapter.stop() };
}
