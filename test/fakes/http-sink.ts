// A fake platform client: each document is one plain POST {chatId, text} to a fake platform server
// (./platform-server.ts, ./holding-platform.ts) with no idempotency key, so a duplicate send shows up as a second
// message. Failures are answers, as a real sink gives them.
import { toPlainText, type Document } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { SendOutcome, Sink } from '../../src/core/ports';

/** The platform name of the test platform that several processes deliver to in queue mode. */
export const FAKE_PLATFORM = 'fakechat';

export class HttpPostSink implements Sink {
  constructor(
    readonly platform: string,
    private readonly baseUrl: string,
    /** Shorter than the delivery lease, so a slow send never outlives its claim. */
    private readonly timeoutMs = 800,
  ) {}

  async send(target: ChatTarget, doc: Document): Promise<SendOutcome> {
    try {
      const res = await fetch(`${this.baseUrl}/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sender-pid': String(process.pid) },
        body: JSON.stringify({ chatId: target.chatId, text: toPlainText(doc) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!res.ok) return { kind: 'retry', afterMs: 200, reason: `HTTP ${res.status}` };
      const body = (await res.json()) as { message_id: number };
      return { kind: 'sent', messageIds: [String(body.message_id)] };
    } catch (err) {
      return { kind: 'retry', afterMs: 200, reason: String((err as Error).message) };
    }
  }
}
