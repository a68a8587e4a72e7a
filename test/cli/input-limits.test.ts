// `tidings summarize` refuses what is not an article before summarizing it: standard input over 5 MB (as a
// file over 5 MB is), and binary data from a file or from standard input. One line on stderr, exit 2.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(resolve(__dirname, '../..'), 'bin/tidings.js');
const work = mkdtempSync(join(tmpdir(), 'tidings-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], input: string | Buffer = ''): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_URL: `sqlite:${join(work, 'x.db')}` } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.on('error', () => undefined); // the refusal may close stdin before all of it is written
  child.stdin.end(input);
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

/** The first bytes of a PNG image followed by pseudo-random bytes: what an image looks like to a reader. */
function binaryBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  let x = 12345;
  for (let i = 12; i < size; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return bytes;
}

const article = 'The council met on Tuesday. "We will build the bridge," said Jane Smith, the mayor. The plan costs more than expected.\n';

describe('summarize input limits', { timeout: 120_000 }, () => {
  it('refuses standard input over 5 MB, as it refuses such a file', async () => {
    const r = await run(['summarize', '-'], article.repeat(Math.ceil(6_000_000 / article.length)));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('tidings: -: standard input is larger than 5 MB; it is not an article.');
    expect(r.out).toBe('');
  });

  it('refuses binary data on standard input and in a file, and still summarizes text', async () => {
    const piped = await run(['summarize', '-'], binaryBytes(10_000));
    expect(piped.code).toBe(2);
    expect(piped.err.trim().split('\n')).toHaveLength(1);
    expect(piped.err).toMatch(/standard input is not text/);

    const file = join(work, 'photo.txt');
    writeFileSync(file, binaryBytes(10_000));
    const named = await run(['summarize', file]);
    expect(named.code).toBe(2);
    expect(named.err).toMatch(/photo\.txt is not text/);

    const text = await run(['summarize', '-'], article);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Jane Smith');
  });
});
