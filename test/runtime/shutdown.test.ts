// `tidings start` stops cleanly on SIGTERM: it stops taking work, lets in-flight sends finish, exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('exits 0 on SIGTERM', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-stop-'));
  try {
    const child = spawn(process.execPath, ['bin/tidings.js', 'start'], {
      env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${join(dir, 't.db')}`, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Ctrl-C stops')) resolve();
      }),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('tidings stopped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
