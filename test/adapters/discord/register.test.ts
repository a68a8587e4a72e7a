// `tidings register-commands` as a person runs it: a subprocess, against the fake Discord.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/server';
import { APP_ID, TOKEN } from './harness';

const BIN = resolve(import.meta.dirname, '../../../bin/tidings.js');
let discord: FakeDiscord;
let cwd: string;

beforeAll(async () => {
  discord = await new FakeDiscord(APP_ID).start();
  cwd = mkdtempSync(join(tmpdir(), 'tidings-register-'));
});
afterAll(async () => {
  await discord?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

function tidings(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', failed);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const discordEnv = () => ({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_ROOT: discord.apiRoot });

it('overwrites every slash command of a guild in one request', async () => {
  const guild = '800000000000000009';
  const earlier = discord.requests.length; // requests other tests made before this one
  const r = await tidings(['register-commands', '--guild', guild], discordEnv());
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`registered 12 commands in guild ${guild}`);
  const puts = discord.requests.slice(earlier).filter((q) => q.method === 'PUT');
  expect(puts).toHaveLength(1);
  expect(puts[0]!.path).toBe(`/applications/${APP_ID}/guilds/${guild}/commands`);
  expect(puts[0]!.authorization).toBe(`Bot ${TOKEN}`);
  type Option = { name: string; type: number; required?: boolean; autocomplete?: boolean; options?: Option[] };
  const commands = puts[0]!.body as { name: string; description: string; default_member_permissions: string | null; contexts: number[]; options?: Option[] }[];
  expect(commands.map((c) => c.name).sort()).toEqual(['digest', 'feeds', 'follow', 'following', 'help', 'quotes', 'settings', 'subscribe', 'summarize', 'topics', 'unfollow', 'unsubscribe']);
  const byName = new Map(commands.map((c) => [c.name, c]));
  for (const name of ['subscribe', 'unsubscribe', 'feeds', 'topics', 'follow', 'unfollow']) expect(byName.get(name)!.default_member_permissions).toBe(String(1 << 5));
  for (const name of ['digest', 'summarize', 'help', 'settings', 'following', 'quotes']) expect(byName.get(name)!.default_member_permissions ?? null).toBeNull();
  for (const name of ['digest', 'summarize', 'help']) expect(byName.get(name)!.contexts).toContain(1);
  expect(byName.get('subscribe')!.contexts).toEqual([0]);
  const subscribe = byName.get('subscribe')!.options!;
  expect(subscribe.map((o) => [o.name, o.type])).toEqual([['channel', 7], ['time', 3], ['timezone', 3]]);
  expect(subscribe.find((o) => o.name === 'timezone')!.autocomplete).toBe(true);
  expect(byName.get('summarize')!.options).toEqual([expect.objectContaining({ name: 'url', type: 3, required: true })]);
  expect(byName.get('feeds')!.options!.map((o) => [o.name, o.type])).toEqual([['list', 1], ['add', 1], ['remove', 1]]);
  expect(byName.get('follow')!.options!.map((o) => [o.name, o.type, o.required ?? false, o.autocomplete ?? false])).toEqual([
    ['name', 3, true, true],
    ['now', 5, false, false],
  ]);
  for (const name of ['unfollow', 'quotes']) expect(byName.get(name)!.options).toEqual([expect.objectContaining({ name: 'name', type: 3, required: true, autocomplete: true })]);
  for (const c of commands) expect(c.description.length).toBeGreaterThan(0);
});

it('uses DISCORD_GUILD_ID when no --guild is given', async () => {
  const r = await tidings(['register-commands'], { ...discordEnv(), DISCORD_GUILD_ID: '800000000000000010' });
  expect(r.code).toBe(0);
  expect(discord.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/applications/${APP_ID}/guilds/800000000000000010/commands` });
});

it('registers globally when no guild is given', async () => {
  const r = await tidings(['register-commands'], discordEnv());
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('registered 12 commands globally');
  expect(discord.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/applications/${APP_ID}/commands` });
});

it('refuses without a token, or with a guild that is not an id, naming what is wrong', async () => {
  const before = discord.requests.length;
  const noToken = await tidings(['register-commands'], { DISCORD_API_ROOT: discord.apiRoot });
  expect(noToken.code).toBe(2);
  expect(noToken.stderr).toMatch(/^tidings: DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set/);
  const badGuild = await tidings(['register-commands', '--guild', 'my-server'], discordEnv());
  expect(badGuild.code).toBe(2);
  expect(badGuild.stderr).toContain('--guild must be a numeric guild id, not "my-server"');
  expect(discord.requests.length).toBe(before);
});
