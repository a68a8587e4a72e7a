// Webhook mode: Telegram posts updates to our HTTP server with the secret; anything else is refused, and an
// update delivered twice is handled once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../../src/runtime/http';
import { createLogger } from '../../../src/runtime/logger';
import { type Harness, startHarness } from './harness';

const SECRET = 'hook-secret_0123456789';
const BOB = { id: 701, first_name: 'Bob' };

describe('webhook mode', () => {
  let h: Harness;
  let http: HttpServer;
  let hook: string;
  const post = (body: unknown, secret?: string) =>
    fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(body) });

  beforeAll(async () => {
    http = await startHttpServer(0, createLogger('silent', []), '127.0.0.1');
    hook = `http://127.0.0.1:${http.port}/telegram/updates`;
    h = await startHarness({ http, env: { TELEGRAM_WEBHOOK_URL: hook, TELEGRAM_WEBHOOK_SECRET: SECRET, HTTP_PORT: String(http.port) } });
    h.api.addChat({ id: BOB.id, type: 'private' });
  });
  afterAll(async () => {
    await h?.close();
    await http?.close();
  });

  it('points Telegram at the hook with the secret, instead of polling', () => {
    const set = h.api.calls.find((c) => c.method === 'setWebhook');
    expect(set?.payload).toMatchObject({ url: hook, secret_token: SECRET });
    expect(h.api.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('refuses an update without the right secret (401) and does not act on it', async () => {
    const update = h.api.webhookUpdate(BOB.id, BOB, '/start');
    const before = h.api.sentTo(BOB.id).length; // what other tests had sent here
    expect((await post(update)).status).toBe(401);
    expect((await post(update, 'wrong-secret')).status).toBe(401);
    expect((await post(update, `${SECRET}x`)).status).toBe(401);
    await h.telegram.adapter.idle();
    expect(h.api.sentTo(BOB.id)).toHaveLength(before);
  });

  it('handles an update once, however often it is delivered', async () => {
    const update = h.api.webhookUpdate(BOB.id, BOB, '/help');
    const answers = () => h.api.sentTo(BOB.id).filter((m) => m.reply_to === update.message.message_id);
    expect((await post(update, SECRET)).status).toBe(200);
    expect((await post(update, SECRET)).status).toBe(200);
    await h.api.waitFor(() => answers().length >= 1, 'the help reply');
    await h.telegram.adapter.idle();
    expect(answers()).toHaveLength(1);
  });

  it('answers 400 to a body that is not an update, and 404 elsewhere', async () => {
    expect((await post({ hello: 'world' }, SECRET)).status).toBe(400);
    expect((await fetch(`http://127.0.0.1:${http.port}/elsewhere`)).status).toBe(404);
  });
});
