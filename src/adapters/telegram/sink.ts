// The Telegram side of the Sink port: a document becomes one or more HTML messages sent through the queue.
// A digest split into parts may stop half-way (a long 429, a network outage); each part sent is recorded
// through the caller's progress (the outbox row), so the next attempt, even after a restart, sends only the rest.
import type { Document } from '../../core/document';
import type { ChatTarget } from '../../core/model';
import { type PartProgress, recordPart, type SendOutcome, type Sink } from '../../core/ports';
import { renderDocument } from './render';
import type { TelegramSender } from './sender';

export const TELEGRAM = 'telegram';

/** No new part is started after this long: the rest waits for the outbox's next attempt (within its lease). */
const PARTS_BUDGET_MS = 45_000;

export class TelegramSink implements Sink {
  readonly platform = TELEGRAM;

  constructor(private readonly sender: TelegramSender) {}

  send(target: ChatTarget, doc: Document, progress?: PartProgress): Promise<SendOutcome> {
    return this.sendParts(target, doc, progress, null);
  }

  /** A command's answer: the first part replies to the command's message. */
  reply(target: ChatTarget, doc: Document, replyTo: number): Promise<SendOutcome> {
    return this.sendParts(target, doc, undefined, replyTo);
  }

  private async sendParts(target: ChatTarget, doc: Document, progress: PartProgress | undefined, replyTo: number | null): Promise<SendOutcome> {
    const parts = renderDocument(doc);
    const done = progress?.sent ?? [];
    const ids = [...done];
    const began = Date.now();
    for (let i = ids.length; i < parts.length; i++) {
      const part = parts[i]!;
      if (i > done.length && Date.now() - began > PARTS_BUDGET_MS) {
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
        case 'sent': {
          ids.push(outcome.messageId);
          const stop = await recordPart(progress, ids, i, parts.length);
          if (stop) return stop;
          continue;
        }
        case 'retry':
          return { kind: 'retry', afterMs: outcome.afterMs, reason: outcome.reason };
        case 'gone':
          return { kind: 'gone', reason: outcome.reason };
        case 'moved':
          return { kind: 'moved', target: { ...target, chatId: outcome.chatId } };
      }
    }
    return { kind: 'sent', messageIds: ids };
  }
}
