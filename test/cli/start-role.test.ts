// `tidings start --role`: a wrong role, or a role without the shared queue, is a usage error (exit 2, one line).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(resolve(__dirname, '../..'), 'bin/tidings.js');
const work = mkdtempSync(join(tmpdir(), 'tidings-role-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_URL: `sqlite:${join(work, 'x.db')}` } });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, err })));
}

describe('tidings start --role', () => {
  it('refuses an unknown role and a role without REDIS_URL', async () => {
    const bad = await run(['start', '--role', 'boss']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe('tidings: --role must be scheduler, worker or all, not "boss"');
    const lonely = await run(['start', '--role', 'worker']);
    expect(lonely.code).toBe(2);
    expect(lonely.err.trim()).toMatch(/^tidings: --role worker needs REDIS_URL/);
    expect(lonely.err.trim().split('\n')).toHaveLength(1);
  });
});
