// Scheduled digests posted to a channel. A digest may take several messages; each part posted is recorded
// through the caller's progress (the outbox row), so a retry, even after a restart, posts only the rest.
// Each part also carries a nonce Discord enforces, so a part whose answer was lost is not posted twice.
import { createHash } from 'node:crypto';
import { DiscordAPIError, RateLimitError, type REST, Routes } from 'discord.js';
import type { Document } from '../../core/document';
import type { ChatTarget } from '../../core/model';
import { type Logger, type PartProgress, recordPart, type SendOutcome, type SharedRate, type Sink, takeShared } from '../../core/ports';
import { type DiscordMessage, renderDocument } from './render';

/** Missing Access, Missing Permissions, Unknown Channel: the channel is gone for us. */
export const GONE_CODES = new Map<number, string>([
  [50001, 'missing access to the channel'],
  [50013, 'missing permission to post in the channel'],
  [10003, 'the channel no longer exists'],
]);

export const NO_MENTIONS = { parse: [] as never[] };

export function messageBody(m: DiscordMessage): { content?: string; embeds: DiscordMessage['embeds']; allowed_mentions: typeof NO_MENTIONS } {
  return { ...(m.content ? { content: m.content } : {}), embeds: m.embeds, allowed_mentions: NO_MENTIONS };
}

export interface DiscordSinkOptions {
  /** How long to wait before the outbox tries a failed send again. */
  retryAfterMs?: number;
  /** The most one request may take on the network (rate-limit waits are bounded by the REST client). */
  partTimeoutMs?: number;
  /** Queue mode: Discord's overall rate shared with every other process posting for the bot. */
  sharedRate?: SharedRate | null;
}

/** Discord's global limit: requests per second for one bot. */
export const DISCORD_GLOBAL_PER_SECOND = 50;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DiscordSink implements Sink {
  readonly platform = 'discord';

  constructor(
    private readonly rest: REST,
    private readonly log: Logger,
    private readonly options: DiscordSinkOptions = {},
  ) {}

  async send(target: ChatTarget, doc: Document, progress?: PartProgress): Promise<SendOutcome> {
    const channelId = target.threadId ?? target.chatId;
    const messages = renderDocument(doc);
    const key = createHash('sha256').update(channelId).update('\0').update(JSON.stringify(messages)).digest('base64url');
    const sent = [...(progress?.sent ?? [])];
    for (let i = sent.length; i < messages.length; i++) {
      // Nonces are at most 25 characters: 22 of the key and the part number.
      const body = { ...messageBody(messages[i]!), nonce: `${key.slice(0, 22)}${i}`, enforce_nonce: true };
      try {
        const rate = this.options.sharedRate;
        const slot = rate ? await takeShared(rate, 'discord:global', DISCORD_GLOBAL_PER_SECOND, 1000, sleep) : null;
        const signal = AbortSignal.timeout(this.options.partTimeoutMs ?? 30_000);
        const posted = (await this.rest.post(Routes.channelMessages(channelId), { body, signal }).finally(() => void slot?.release())) as { id: string };
        sent.push(posted.id);
        const stop = await recordPart(progress, sent, i, messages.length);
        if (stop) return stop;
      } catch (err) {
        const code = err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : null;
        const gone = code === null ? undefined : GONE_CODES.get(code);
        if (err instanceof RateLimitError) {
          // Only a long limit gets here (short ones wait in discord.js's queue): come back when it ends.
          this.log.warn({ channel: channelId, retryAfterMs: err.retryAfter, global: err.global }, 'discord rate limit too long to wait; will retry');
          return { kind: 'retry', afterMs: Math.max(err.retryAfter, 1000), reason: `rate limited by Discord for ${Math.ceil(err.retryAfter / 1000)} s` };
        }
        if (gone) {
          return { kind: 'gone', reason: `${gone} (Discord ${code})` };
        }
        const status = (err as { status?: unknown }).status;
        const reason =
          err instanceof DiscordAPIError
            ? `Discord ${err.status} ${err.code}: ${err.message}`
            : typeof status === 'number'
              ? `Discord ${status}: ${(err as Error).message}`
              : `could not reach Discord: ${(err as Error).message}`;
        this.log.warn({ channel: channelId, part: i + 1, of: messages.length, reason }, 'discord send failed; will retry');
        return { kind: 'retry', afterMs: this.options.retryAfterMs ?? 60_000, reason };
      }
    }
    return { kind: 'sent', messageIds: sent };
  }
}
