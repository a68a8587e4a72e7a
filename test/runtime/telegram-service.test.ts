// `tidings start` with a Telegram token: the adapter polls instead of the console printing, webhook mode serves
// on HTTP_PORT beside /healthz, and stop() ends polling cleanly.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

  it('stops with exit 2 and one line when Telegram refuses the token', async () => {
    api = await FakeBotApi.start(TOKEN);
    const wrong = '123456789:AAHwrongTokenWrongToken_0123456789';
    const dir = mkdtempSync(join(tmpdir(), 'tidings-tg-token-'));
    const bin = resolve(__dirname, '../../bin/tidings.js');
    const c = spawn(process.execPath, [bin, 'start'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: api.url, DATABASE_URL: `sqlite:${join(dir, 'refused.db')}`, LOG_LEVEL: 'silent' },
    });
    let stderr = '';
    c.stderr.on('data', (d) => (stderr += d));
    const [code] = (await once(c, 'exit')) as [number | null];
    rmSync(dir, { recursive: true, force: true });
    expect(stderr.trim()).toBe('tidings: TELEGRAM_BOT_TOKEN=(hidden) was refused by Telegram. Copy the token again from @BotFather (/mybots, API Token).');
    expect(code).toBe(2);
    expect(stderr).not.toContain('AAHwrong');
  }, 60_000);
});
