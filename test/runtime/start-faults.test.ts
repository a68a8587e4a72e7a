// Start-up against servers that are away: a Bot API answering 502 or not at all is waited for with a growing
// pause, a refused token ends the start at once, and a stop request ends any wait (Redis unreachable included).
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import type { Logger } from '../../src/core/ports';
import { StartAborted } from '../../src/runtime/retry';
import { type Started, runStart } from '../../src/runtime/start';
import { MemoryLogger } from '../fakes/logger';
import { FakeBotApi } from '../fakes/telegram/server';

const TOKEN = '123456789:AAHstartFaultsToken_0123456789abcd';
const CLOSED_PORT = 'http://127.0.0.1:1';

/** A logger that calls `onWarn` at each warning, so a test can act the moment start-up begins to wait. */
function watching(onWarn: (msg: string | undefined) => void): Logger & { lines: MemoryLogger['lines'] } {
  const log = new MemoryLogger();
  return { ...log, lines: log.lines, warn: (obj: object | string, msg?: string) => (log.warn(obj, msg), onWarn(msg)) };
}

describe('start-up faults', () => {
  const started: Started[] = [];
  const fakes: FakeBotApi[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) await s.stop();
    for (const f of fakes.splice(0)) await f.close();
  });

  it('waits out Telegram 502s at start and then polls', { timeout: 20_000 }, async () => {
    const api = await FakeBotApi.start(TOKEN);
    fakes.push(api);
    api.failMethod('getMe', { error_code: 502, description: 'Bad Gateway' }, 2);
    const log = new MemoryLogger();
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: 'silent' });
    started.push(await runStart(config, { log, out: { write: () => undefined }, retryDelayMs: 1 }));
    expect(api.calls.filter((c) => c.method === 'getMe')).toHaveLength(3);
    expect(log.lines.filter((l) => l.msg === 'starting telegram failed; trying again after a pause')).toHaveLength(2);
    await api.waitFor(() => api.calls.some((c) => c.method === 'getUpdates'), 'polling');
  });

  it('does not retry a refused token', { timeout: 20_000 }, async () => {
    const api = await FakeBotApi.start(TOKEN);
    fakes.push(api);
    api.failMethod('getMe', { error_code: 401, description: 'Unauthorized' }, 5);
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: 'silent' });
    await expect(runStart(config, { log: new MemoryLogger(), retryDelayMs: 1 })).rejects.toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(api.calls.filter((c) => c.method === 'getMe')).toHaveLength(1);
  });

  it('stops waiting for an unreachable Bot API when asked to stop', { timeout: 20_000 }, async () => {
    const stop = new AbortController();
    const log = watching((msg) => msg === 'starting telegram failed; trying again after a pause' && stop.abort());
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: CLOSED_PORT, LOG_LEVEL: 'silent' });
    // A pause of a minute: only the stop request can end the wait within the test's time.
    await expect(runStart(config, { log, signal: stop.signal, retryDelayMs: 60_000 })).rejects.toBeInstanceOf(StartAborted);
  });

  it('stops waiting for an unreachable Redis when asked to stop', { timeout: 20_000 }, async () => {
    const stop = new AbortController();
    const log = watching((msg) => msg?.startsWith('queue') && stop.abort());
    const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' });
    await expect(runStart(config, { log, signal: stop.signal, queuePrefix: 'tidings-unreachable' })).rejects.toBeInstanceOf(StartAborted);
  });
});
