// The console adapter: digests printed to the terminal when no chat platform is configured.
import type { Document } from '../../core/document';
import { toPlainText } from '../../core/document';
import type { ChatTarget } from '../../core/model';
import type { SendOutcome, Sink } from '../../core/ports';

export const CONSOLE_TARGET: ChatTarget = { platform: 'console', chatId: 'terminal' };

export class ConsoleSink implements Sink {
  readonly platform = 'console';
  private sent = 0;

  constructor(private readonly out: { write(chunk: string): unknown }) {}

  async send(_target: ChatTarget, doc: Document): Promise<SendOutcome> {
    const rule = '─'.repeat(72);
    this.out.write(`\n${rule}\n${toPlainText(doc)}\n${rule}\n`);
    return { kind: 'sent', messageIds: [`console-${++this.sent}`] };
  }
}
