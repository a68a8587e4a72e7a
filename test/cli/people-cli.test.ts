// `tidings quotes NAME` and `tidings people` as a script runs them: a real subprocess on a database filled
// through the same ingestion path the service uses.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeArticleQuotes } from '../../src/app/people';
import { openSqliteStore } from '../../src/store/sqlite';
import { articleRecord } from '../fakes/records';

const root = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'tidings-people-cli-'));
const db = join(work, 'people.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(root, 'bin/tidings.js'), ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_URL: `sqlite:${db}`, LOG_LEVEL: 'warn' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  child.stdin.end();
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

beforeAll(async () => {
  const store = await openSqliteStore(db);
  const feed = await store.addFeed('https://a.example/rss', null, 'A News');
  const now = new Date().toISOString();
  const old = new Date(Date.now() - 20 * 86_400_000).toISOString();
  const articles = [
    articleRecord('a1', feed.id, old, { sourceName: 'A News', quotes: [{ text: 'We will not back down.', speaker: 'Secretary of State Marco Rubio', cue: 'said' }] }),
    articleRecord('a2', feed.id, now, { sourceName: 'A News', url: 'https://a.example/2', quotes: [{ text: 'The talks went well.', speaker: 'Marco Rubio', cue: 'said' }] }),
    articleRecord('a3', feed.id, now, { sourceName: 'B Times', url: 'https://b.example/3', text: 'Marco Rubio spoke.', quotes: [{ text: 'The talks went well!', speaker: 'Rubio', cue: 'said' }, { text: 'No comment.', speaker: 'Luis Rubio', cue: 'said' }] }),
  ];
  for (const a of articles) {
    await store.saveArticle(a);
    await storeArticleQuotes(store, a);
  }
  await store.close();
});

describe('tidings quotes and people', { timeout: 120_000 }, () => {
  it('quotes NAME --json: the person and their quotes, newest first, one quote per wording with every outlet', async () => {
    const r = await run(['quotes', 'marco', 'rubio', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { person: { id: string; name: string; roles: string[] }; since: string | null; quotes: { text: string; outlets: { name: string }[] }[] };
    expect(body.person).toMatchObject({ id: 'marco-rubio', name: 'Marco Rubio', roles: ['Secretary of State'] });
    expect(body.since).toBeNull();
    expect(body.quotes.map((q) => q.text)).toEqual(['The talks went well.', 'We will not back down.']);
    expect(body.quotes[0]?.outlets.map((o) => o.name)).toEqual(['A News', 'B Times']);
  });

  it('quotes NAME --since 7d leaves older quotes out; the plain form names date and outlet', async () => {
    const r = await run(['quotes', 'Marco Rubio', '--since', '7d']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d{4}-\d\d-\d\d {2}“The talks went well\.” — Marco Rubio\n +A News https:\/\/a\.example\/2 · B Times https:\/\/b\.example\/3\n$/);
  });

  it('an ambiguous or unknown name exits 1 with the closest names; a bad --since exits 2', async () => {
    expect(await run(['quotes', 'Rubio'])).toMatchObject({ code: 0 }); // "Rubio" is Marco's alias here
    const unknown = await run(['quotes', 'Rubiu']);
    expect(unknown.code).toBe(1);
    // One letter off two people's surname: both are offered.
    expect(unknown.err).toMatch(/"Rubiu" fits several people; did you mean (Marco Rubio or Luis Rubio|Luis Rubio or Marco Rubio)\?/);
    const nobody = await run(['quotes', 'Zzyzx', 'Qwerty']);
    expect(nobody).toMatchObject({ code: 1, err: 'tidings: nobody quoted as "Zzyzx Qwerty"\n' });
    const bad = await run(['quotes', 'Rubio', '--since', 'last week']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--since takes a number and a unit');
  });

  it('people --json: the most quoted since then, with counts', async () => {
    const r = await run(['people', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { since: string; people: { id: string; name: string; quotes: number; lastQuoted: string }[] };
    // The default week leaves out the quote from 20 days ago.
    expect(body.people.map((p) => [p.name, p.quotes]).sort()).toEqual([
      ['Luis Rubio', 1],
      ['Marco Rubio', 1],
    ]);
    const all = await run(['people', '--since', '30d']);
    expect(all.out).toMatch(/^ +2 {2}Marco Rubio {2}\(last \d{4}-\d\d-\d\d\)\n +1 {2}Luis Rubio/);
  });
});
