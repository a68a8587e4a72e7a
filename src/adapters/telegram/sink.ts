// The Telegram side of the Sink port: a document becomes one or more HTML messages sent through the queue.
// A digest split into parts may stop half-way (a long 429, a network outage); the parts already sent are
// remembered here, keyed by chat and content, so the outbox's next attempt sends only the rest.
import { createHash } from 'node:crypto';
import type { Document } from '../../core/document';
import type { ChatTarget } from '../../core/model';
import type { SendOutcome, Sink } from '../../core/ports';
import { renderDocument } from './render';
import type { TelegramSender } from './sender';

export const TELEGRAM = 'telegram';

interface Progress {
  messageIds: string[];
  at: number;
}

const PROGRESS_TTL_MS = 24 * 3_600_000;
/** No new part is started after this long: the rest waits for the outbox's next attempt (within its lease). */
const PARTS_BUDGET_MS = 45_000;
const PROGRESS_MAX = 10_000;

export class TelegramSink implements Sink {
  readonly platform = TELEGRAM;
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly sender: TelegramSender) {}

  async send(target: ChatTarget, doc: Document, replyTo: number | null = null): Promise<SendOutcome> {
    const parts = renderDocument(doc);
    const key = createHash('sha256')
      .update(JSON.stringify([target.chatId, target.threadId ?? null, parts.map((p) => p.html)]))
      .digest('hex');
    const done = this.progress.get(key)?.messageIds ?? [];
    const ids = [...done];
    const began = Date.now();
    for (let i = ids.length; i < parts.length; i++) {
      const part = parts[i]!;
      if (i > done.length && Date.now() - began > PARTS_BUDGET_MS) {
        this.remember(key, ids);
        return { kind: 'retry', afterMs: 1_000, reason: `sent ${i} of ${parts.length} parts; the rest follows` };
      }
      const outcome = await this.sender.send({
        chatId: target.chatId,
        threadId: target.threadId ?? null,
        html: part.html,
        previewUrl: part.previewUrl,
        // Only the first part answers the command; the rest follow it.
        replyTo: i === 0 ? replyTo : null,
      });
      switch (outcome.kind) {
        case 'sent':
          ids.push(outcome.messageId);
          continue;
        case 'retry':
          if (ids.length) this.remember(key, ids);
          return { kind: 'retry', afterMs: outcome.afterMs, reason: outcome.reason };
        case 'gone':
          this.progress.delete(key);
          return { kind: 'gone', reason: outcome.reason };
        case 'moved':
          this.progress.delete(key);
          return { kind: 'moved', target: { ...target, chatId: outcome.chatId } };
      }
    }
    this.progress.delete(key);
    return { kind: 'sent', messageIds: ids };
  }

  private remember(key: string, messageIds: string[]): void {
    const now = Date.now();
    this.progress.set(key, { messageIds, at: now });
    if (this.progress.size <= PROGRESS_MAX) return;
    for (const [k, p] of this.progress) if (now - p.at > PROGRESS_TTL_MS || this.progress.size > PROGRESS_MAX) this.progress.delete(k);
  }
}
