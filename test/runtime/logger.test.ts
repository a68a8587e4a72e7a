import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/logger';

describe('logger', () => {
  it('cuts every secret out of a line, in plain and URL-encoded form, wherever it appears', () => {
    const token = '123456789:AAE_secret-token-value';
    const lines: string[] = [];
    const log = createLogger('debug', [token, 'postgres://u:pw@db/x'], { write: (s) => lines.push(s) });
    const err = new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed`);
    log.error({ err, url: `https://api.telegram.org/bot${encodeURIComponent(token)}/getMe`, db: 'postgres://u:pw@db/x' }, `token ${token}`);
    const out = lines.join('');
    expect(out).not.toContain('AAE_secret-token-value');
    expect(out).not.toContain(encodeURIComponent(token));
    expect(out).not.toContain('u:pw@db');
    expect(out).toContain('[redacted]');
    expect(out).toContain('sendMessage failed');
  });
});
