// `tidings start` with DISCORD_TOKEN set: the service connects to the (fake) gateway, answers a slash command,
// and stops cleanly on SIGTERM, never writing the token to its log.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/server';
import { MANAGE_GUILD, invoke } from '../../fakes/discord/interactions';
import { openSqliteStore } from '../../../src/store/sqlite';
import { APP_ID, TOKEN } from './harness';

const BIN = resolve(import.meta.dirname, '../../../bin/tidings.js');
let discord: FakeDiscord;
let dir: string;
let child: ChildProcessWithoutNullStreams | null = null;

beforeAll(async () => {
  discord = await new FakeDiscord(APP_ID, { token: TOKEN }).start();
  dir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await discord?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves slash commands and stops on SIGTERM', async () => {
  const db = join(dir, 'tidings.db');
  child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: discord.apiRoot, DATABASE_URL: `sqlite:${db}`, LOG_LEVEL: 'debug' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const exited = once(child, 'exit');

  await discord.waitFor(() => discord.gateways[0]?.identify);
  const channel = '580000000000000001';
  const { token } = invoke(discord, { name: 'subscribe', options: { time: '06:45', timezone: 'Asia/Tokyo' }, channelId: channel, permissions: MANAGE_GUILD });
  const callback = await discord.waitFor(() => discord.interactionTraffic(token)[0]);
  expect(callback.body).toMatchObject({ type: 4, data: { content: expect.stringContaining('Subscribed: a daily digest here at 06:45 (Asia/Tokyo)') as unknown } });

  // The service takes signals once it says it has started.
  await new Promise<void>((r) => {
    const check = () => (stderr.includes('tidings started') ? r() : child!.stderr.once('data', () => setImmediate(check)));
    check();
  });
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  expect(code, stderr.slice(-2000)).toBe(0);
  // Not the console adapter: nothing printed as a digest on stdout.
  expect(stdout).not.toContain('Next digest at');
  expect(stderr).toContain('discord connected');
  expect(stderr).not.toContain(TOKEN);
  const store = await openSqliteStore(db);
  expect(await store.getSubscription({ platform: 'discord', chatId: channel })).toMatchObject({ active: true, time: '06:45', timezone: 'Asia/Tokyo' });
  await store.close();
});

it('stops with exit 2 and one line when Discord refuses the token', async () => {
  const wrong = 'wrong-token-0123456789abcdefghijkl';
  const c = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DISCORD_TOKEN: wrong, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: discord.apiRoot, DATABASE_URL: `sqlite:${join(dir, 'refused.db')}`, LOG_LEVEL: 'silent' },
  });
  let stderr = '';
  c.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(c, 'exit')) as [number | null];
  expect(code).toBe(2);
  expect(stderr.trim()).toBe('tidings: DISCORD_TOKEN=(hidden) was refused by Discord. Copy the bot token again from the developer portal (Bot, Reset Token).');
  expect(stderr).not.toContain(wrong);
});
