// Webhook updates: Telegram proves itself with the secret it was given in setWebhook (compared in constant
// time, 401 otherwise), and an update it delivers twice (it retries when our answer was slow) is handled once.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../core/ports';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const MAX_BODY_BYTES = 1 << 20;
const REMEMBERED_UPDATES = 10_000;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal-length digests make the comparison independent of where the strings differ and of their lengths. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(secret));
}

/** Remembers the last update ids seen, so a redelivered update is acknowledged and skipped. */
export class UpdateLedger {
  private readonly seen = new Set<number>();

  /** True the first time an id is offered. */
  firstTime(updateId: number): boolean {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    if (this.seen.size > REMEMBERED_UPDATES) this.seen.delete(this.seen.values().next().value!);
    return true;
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An HTTP handler for the webhook path: answers at once, then hands the update on. */
export function webhookHandler(secret: string, onUpdate: (u: Update) => Promise<void>, log: Logger) {
  const ledger = new UpdateLedger();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!secretMatches(req.headers[SECRET_HEADER], secret)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      return;
    }
    const body = await readBody(req);
    let update: Update | null = null;
    try {
      update = body === null ? null : (JSON.parse(body) as Update);
    } catch {
      update = null;
    }
    if (!update || typeof update.update_id !== 'number') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad update');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (!ledger.firstTime(update.update_id)) {
      log.debug({ updateId: update.update_id }, 'telegram update delivered again; skipped');
      return;
    }
    await onUpdate(update).catch((err: unknown) => log.error({ err }, 'telegram webhook update failed'));
  };
}
