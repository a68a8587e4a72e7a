// The CLI as a person or a script runs it: a real subprocess, real files, a throwaway database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/tidings.js');
const work = mkdtempSync(join(tmpdir(), 'tidings-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? '',
  HOME: work,
  DATABASE_URL: `sqlite:${join(work, 'cli.db')}`,
  LOG_LEVEL: 'warn',
  ...extra,
});

/** Runs the binary to completion without blocking the test runner. */
function run(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? work, env: env(options.env) });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end(options.input ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

/** A line of `summarize`'s batch output, and `digest --json`: the fields these tests read (INTERFACE.md). */
interface SummaryLine { id: string | null; summary: string[]; quotes: unknown[]; error?: string }
interface DigestJson { entries: { summary: string[]; publishedAt: string }[] }
const parse = <T>(text: string): T => JSON.parse(text) as T;

const seedFile = join(root, 'seeds', readdirSync(join(root, 'seeds')).find((f) => f.endsWith('.txt'))!);
const seedText = readFileSync(seedFile, 'utf8').replace(/^\s*date\s+\S+\s*/, '');

// Each run starts a fresh Node process; on a busy machine a test of several runs takes a while.
describe('tidings CLI', { timeout: 120_000 }, () => {
  it('summarize --jsonl: one valid line out per line in, errors inline, order kept', async () => {
    const input = [JSON.stringify({ id: 's', text: seedText }), 'not json', JSON.stringify({ id: 'e', text: '' }), JSON.stringify({ id: 'w', text: seedText, words: 40 })].join('\n');
    const r = await run(['summarize', '--jsonl'], { input });
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => parse<SummaryLine>(l));
    expect(lines.map((l) => l.id)).toEqual(['s', null, 'e', 'w']);
    const s = lines[0]!;
    expect(Object.keys(s)).toEqual(['id', 'title', 'language', 'summary', 'quotes', 'keywords']);
    expect(s.summary.length).toBeGreaterThanOrEqual(2);
    for (const sentence of s.summary) expect(seedText).toContain(sentence);
    expect(s.summary.join(' ')).not.toMatch(/Read more/);
    expect(lines[1]!.error).toMatch(/not JSON/);
    expect(lines[2]!.error).toMatch(/empty/);
  });

  it('summarize --jsonl --quotes all returns every quote; --quotes takes "all", with --jsonl only', async () => {
    const all = await run(['summarize', '--jsonl', '--quotes', 'all'], { input: JSON.stringify({ id: 'q', text: seedText }) });
    expect(all.code).toBe(0);
    const key = await run(['summarize', '--jsonl'], { input: JSON.stringify({ id: 'q', text: seedText }) });
    expect(parse<SummaryLine>(all.out).quotes.length).toBeGreaterThanOrEqual(parse<SummaryLine>(key.out).quotes.length);
    const wrong = await run(['summarize', '--quotes', 'some', '--jsonl']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--quotes/u);
  });

  it('summarize FILE and - print a readable summary; --json one object per input', async () => {
    const human = await run(['summarize', seedFile]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/Rubio|Trump/);
    const json = await run(['summarize', '--json', '--sentences', '2', seedFile, '-'], { input: 'One sentence here. Another sentence there. A third one.' });
    expect(json.code).toBe(0);
    const [a, b] = json.out.trim().split('\n').map((l) => parse<SummaryLine>(l)) as [SummaryLine, SummaryLine];
    expect(a.summary).toHaveLength(2);
    expect(b.summary.length).toBeLessThanOrEqual(2);
  });

  it('digest --json over the seeds, and a readable digest by default', async () => {
    const json = await run(['digest', '--source', join(root, 'seeds'), '--max', '3', '--json']);
    expect(json.code).toBe(0);
    const d = parse<DigestJson>(json.out);
    expect(d.entries).toHaveLength(1);
    expect(d.entries[0]!.summary.length).toBeGreaterThanOrEqual(2);
    expect(d.entries[0]!.publishedAt).toBe('2025-08-13T00:00:00.000Z');
    const human = await run(['digest']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/13 Aug 2025/);
  });

  it('reports a missing source and a bad flag with exit codes 1 and 2', async () => {
    const missing = await run(['digest', '--source', join(work, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no file or folder/);
    for (const args of [['digest', '--max', 'ten'], ['summarize'], ['frobnicate'], ['summarize', '--sentences', '2', '--words', '9', '-']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('stops with one line and exit 2 on a bad setting', async () => {
    const r = await run(['start'], { env: { DIGEST_TIMEZONE: 'Mars/Olympus' } });
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^tidings: DIGEST_TIMEZONE="Mars\/Olympus" .+Europe\/Kyiv/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('reads a .env file without overriding the real environment', async () => {
    const dir = mkdtempSync(join(work, 'dotenv-'));
    writeFileSync(join(dir, '.env'), 'DIGEST_TIME=99:99\n');
    const r = await run(['start'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/DIGEST_TIME="99:99"/);
  });

  it('feeds add/list/remove manage the global sources', async () => {
    const extra = mkdtempSync(join(work, 'feed-'));
    writeFileSync(join(extra, 'a.txt'), 'date 2025-01-02 A local story. It has two sentences.');
    expect((await run(['feeds', 'add', extra])).code).toBe(0);
    expect((await run(['feeds', 'list'])).out).toContain(extra);
    expect((await run(['feeds', 'remove', extra])).code).toBe(0);
    expect((await run(['feeds', 'list'])).out).not.toContain(extra);
    const again = await run(['feeds', 'remove', extra]);
    expect(again.code).toBe(1);
    expect(again.err.trim().split('\n')).toHaveLength(1);
  });

  it('a removed default source stays removed: the defaults are added to a new database only', async () => {
    const own = { DATABASE_URL: `sqlite:${join(work, 'seeded.db')}` };
    const seeds = join(root, 'seeds');
    expect((await run(['feeds', 'list'], { env: own })).out).toContain(seeds);
    const removed = await run(['feeds', 'remove', 'seeds/'], { env: own, cwd: root });
    expect(removed.code).toBe(0);
    expect(removed.out).toBe(`removed ${seeds}\n`);
    expect((await run(['feeds', 'list'], { env: own })).out).not.toContain(seeds);
    expect((await run(['feeds', 'list'], { env: own })).out).not.toContain(seeds);
  });

  it('a command followed by --help prints its usage and exits 0', async () => {
    const r = await run(['digest', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: tidings <command>\n {2}digest \[--source S\]/u);
    expect(r.out).not.toContain('summarize');
    expect(r.err).toBe('');
  });

  it('summarize --sentences -1 names the flag and the range', async () => {
    const r = await run(['summarize', '--sentences', '-1', '-'], { input: 'One sentence. Two sentences.' });
    expect(r.code).toBe(2);
    expect(r.err).toBe('tidings: --sentences must be a whole number from 1 to 50, not "-1"\n');
  });

  it('start prints the seed digest, keeps running, and exits 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [bin, 'start'], { cwd: work, env: env({ DATABASE_URL: `sqlite:${join(work, 'start.db')}` }) });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise<void>((done, failed) => {
      const timer = setTimeout(() => failed(new Error(`no digest printed; got: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        if (/Ctrl-C stops/.test(out)) {
          clearTimeout(timer);
          done();
        }
      });
    });
    expect(out).toMatch(/Your news digest/);
    expect(out).toMatch(/Rubio/);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(0);
  });
});
