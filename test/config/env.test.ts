import { describe, expect, it } from 'vitest';
import { SETTINGS, loadConfig, secretsOf } from '../../src/config/env';
import { TidingsError, oneLine } from '../../src/core/errors';

const error = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(TidingsError);
    expect((e as TidingsError).code).toBe('config/invalid');
    return oneLine(e as TidingsError);
  }
  throw new Error('expected a config/invalid TidingsError');
};

describe('config', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DATABASE_URL: 'sqlite:./data/tidings.db', DIGEST_TIME: '08:00', DIGEST_TIMEZONE: 'UTC', FETCH_ALLOW_PRIVATE_NETWORKS: false, LOG_LEVEL: 'info' });
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('normalizes what people type', () => {
    const c = loadConfig({ DIGEST_TIME: '7:05', DIGEST_TIMEZONE: 'europe/kyiv', FETCH_ALLOW_PRIVATE_NETWORKS: 'TRUE', HTTP_PORT: '8080' });
    expect(c).toMatchObject({ DIGEST_TIME: '07:05', DIGEST_TIMEZONE: 'Europe/Kyiv', FETCH_ALLOW_PRIVATE_NETWORKS: true, HTTP_PORT: 8080 });
  });

  it.each([
    [{ DIGEST_TIMEZONE: 'Mars/Olympus' }, /^DIGEST_TIMEZONE="Mars\/Olympus" .*Europe\/Kyiv/],
    [{ DIGEST_TIME: '25:00' }, /^DIGEST_TIME="25:00" .*HH:MM/],
    [{ DIGEST_TIME: '8pm' }, /^DIGEST_TIME="8pm"/],
    [{ HTTP_PORT: '70000' }, /^HTTP_PORT="70000" must be a port number/],
    [{ HTTP_PORT: 'eighty' }, /^HTTP_PORT="eighty"/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL="loud" must be one of/],
    [{ FETCH_ALLOW_PRIVATE_NETWORKS: 'maybe' }, /^FETCH_ALLOW_PRIVATE_NETWORKS="maybe" must be true or false/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL=\(hidden\) must be sqlite:PATH/],
    [{ TELEGRAM_API_ROOT: 'api.telegram.org' }, /^TELEGRAM_API_ROOT="api.telegram.org" must be an http\(s\) URL/],
    [{ DISCORD_TOKEN: 'x'.repeat(30) }, /^DISCORD_APPLICATION_ID must be set together with DISCORD_TOKEN/],
    [{ DISCORD_APPLICATION_ID: '1000' }, /^DISCORD_APPLICATION_ID="1000" is not an application id: a real one has 17–20 digits/],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example/hook' }, /^HTTP_PORT must be set in webhook mode/],
  ])('refuses %j with one line that names the variable', (env, pattern) => {
    const msg = error(env);
    expect(msg).toMatch(pattern);
    expect(msg).not.toContain('\n');
  });

  it('never repeats a secret in its message', () => {
    const msg = error({ TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret' });
    expect(msg).toMatch(/^TELEGRAM_BOT_TOKEN=\(hidden\)/);
    expect(msg).not.toContain('not-a-token-but-secret');
  });

  it('lists the secrets to redact, and documents every variable', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', DATABASE_URL: 'postgres://u:pw@db/x' });
    expect(secretsOf(c)).toEqual(expect.arrayContaining(['123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'postgres://u:pw@db/x']));
    for (const s of Object.values(SETTINGS)) expect(s.meaning.length).toBeGreaterThan(5);
  });
});

describe('documentation of the settings', () => {
  it('.env.example and the README name every variable', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync('.env.example', 'utf8');
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(SETTINGS)) {
      expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
