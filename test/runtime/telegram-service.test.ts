// `tidings start` with a Telegram token: the adapter polls instead of the console printing, webhook mode serves
// on HTTP_PORT beside /healthz, and stop() ends polling cleanly.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { createLogger } from '../../src/runtime/logger';
import { runStart } from '../../src/runtime/start';
import { FakeBotApi } from '../fakes/telegram/server';

/** A port nothing listens on now: the service must be given a number, so one is borrowed and returned. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

const TOKEN = '123456789:AAHserviceTestToken_0123456789abcd';

describe('the service with TELEGRAM_BOT_TOKEN', () => {
  let api: FakeBotApi | null = null;
  afterEach(async () => {
    await api?.close();
  });

  it('runs the Telegram adapter, not the console, and stops cleanly', async () => {
    api = await FakeBotApi.start(TOKEN);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: 'silent' });
    let printed = '';
    const started = await runStart(config, { log: createLogger('silent', []), out: { write: (s: string) => (printed += s) } });
    expect([...started.tidings.sinks.keys()]).toEqual(['telegram']);
    await api.waitFor(() => api!.calls.some((c) => c.method === 'getUpdates'), 'polling');
    api.addChat({ id: 42, type: 'private' });
    api.userSays(42, { id: 42, first_name: 'Eve' }, '/help');
    await api.waitFor((s) => s.length === 1, 'the help reply');
    await started.stop();
    await started.stopped;
    expect(printed).toBe('');
  });

  it('serves the webhook on HTTP_PORT in webhook mode', async () => {
    api = await FakeBotApi.start(TOKEN);
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/tg`;
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_URL: hook, HTTP_PORT: String(port), LOG_LEVEL: 'silent' });
    const started = await runStart(config, { log: createLogger('silent', []), out: { write: () => undefined } });
    const secret = api.calls.find((c) => c.method === 'setWebhook')?.payload.secret_token as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    api.addChat({ id: 43, type: 'private' });
    const update = api.webhookUpdate(43, { id: 43, first_name: 'Eve' }, '/start');
    const res = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    expect(res.status).toBe(200);
    await api.waitFor((s) => s.length === 1, 'the /start reply');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200); // the webhook shares the port with the health check
    await started.stop();
  });
});
