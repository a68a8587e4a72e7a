// A test-only platform for queue mode: each message is POSTed as JSON to the holding platform
// (./holding-platform.ts) on 127.0.0.1, so several processes deliver to one place the test can count.
import { toPlainText, type Document } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { SendOutcome, Sink } from '../../src/core/ports';

export const FAKE_PLATFORM = 'fakechat';

export class ChatPostSink implements Sink {
  readonly platform = FAKE_PLATFORM;
  constructor(private readonly baseUrl: string) {}

  async send(target: ChatTarget, doc: Document): Promise<SendOutcome> {
    try {
      const res = await fetch(`${this.baseUrl}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sender': String(process.pid) },
        body: JSON.stringify({ chatId: target.chatId, text: toPlainText(doc) }),
      });
      const body = (await res.json()) as { ok: boolean; messageId?: string; retryAfterMs?: number; error?: string };
      if (res.status === 429) return { kind: 'retry', afterMs: body.retryAfterMs ?? 1_000, reason: 'rate limited' };
      if (res.status === 403) return { kind: 'gone', reason: body.error ?? 'forbidden' };
      if (!body.ok) return { kind: 'retry', afterMs: 1_000, reason: body.error ?? `HTTP ${res.status}` };
      return { kind: 'sent', messageIds: [body.messageId ?? ''] };
    } catch (err) {
      return { kind: 'retry', afterMs: 1_000, reason: `network: ${(err as Error).message}` };
    }
  }
}
