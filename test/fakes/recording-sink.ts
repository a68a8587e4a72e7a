// A sink that keeps every document it is given, as plain text, per chat; its answer can be scripted.
import type { Document } from '../../src/core/document';
import { toPlainText } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { SendOutcome, Sink } from '../../src/core/ports';

export class RecordingSink implements Sink {
  readonly sent: { target: ChatTarget; text: string; doc: Document }[] = [];
  /** The next answers to give, in order; when empty, every send succeeds. */
  readonly script: SendOutcome[] = [];

  constructor(readonly platform = 'test') {}

  async send(target: ChatTarget, doc: Document): Promise<SendOutcome> {
    const scripted = this.script.shift();
    if (scripted && scripted.kind !== 'sent') return scripted;
    this.sent.push({ target, text: toPlainText(doc), doc });
    return { kind: 'sent', messageIds: [`m${this.sent.length}`] };
  }

  to(chatId: string): string[] {
    return this.sent.filter((s) => s.target.chatId === chatId).map((s) => s.text);
  }
}
