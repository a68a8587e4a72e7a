// Store faults stop the service with one line that names what to fix: a damaged SQLite file at start, the
// file deleted or replaced while running, PostgreSQL unreachable or its database missing (DATABASE_URL named,
// without its password). No stack trace, and nothing is reported as saved once the file is gone.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TidingsError } from '../../src/core/errors';
import { openSqliteStore } from '../../src/store/sqlite';

const bin = join(resolve(__dirname, '../..'), 'bin/tidings.js');
const work = mkdtempSync(join(tmpdir(), 'tidings-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const target = { platform: 'console', chatId: 'c1' };

function start(databaseUrl: string): { child: ChildProcess; done: Promise<{ code: number | null; err: string; out: string }> } {
  const child = spawn(process.execPath, [bin, 'start'], { cwd: work, env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { child, done: new Promise((r) => child.on('close', (code) => r({ code, err, out }))) };
}

/** A database made by the store, then a stretch of its pages overwritten with noise. */
async function damagedDatabase(path: string): Promise<void> {
  const store = await openSqliteStore(path);
  for (let i = 0; i < 200; i++) await store.addFeed(`https://example.org/feed-${i}.xml`, null, `Feed number ${i} with a title long enough to fill pages`);
  await store.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096 * 2);
  closeSync(fd);
}

describe('SQLite file faults', { timeout: 120_000 }, () => {
  it('refuses a damaged file or one that is not a database at start, naming it', async () => {
    const damaged = join(work, 'damaged.db');
    await damagedDatabase(damaged);
    await expect(openSqliteStore(damaged)).rejects.toThrow(new RegExp(`database file ${damaged.replace(/[.]/g, '\\.')} is damaged`));
    const notDb = join(work, 'notes.db');
    writeFileSync(notDb, 'these are my notes, not a database '.repeat(200));
    const e = await openSqliteStore(notDb).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TidingsError);
    expect((e as TidingsError).userMessage).toContain(notDb);

    const r = await start(`sqlite:${damaged}`).done;
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(damaged);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a file replaced while open: the write fails instead of going to the old file, and the loss is reported once', async () => {
    const path = join(work, 'replaced.db');
    const faults: TidingsError[] = [];
    const store = await openSqliteStore(path, { onLost: (f) => faults.push(f) });
    await store.addFeed('https://example.org/a.xml', target);
    copyFileSync(path, `${path}.copy`);
    renameSync(`${path}.copy`, path);
    await expect(store.addFeed('https://example.org/b.xml', target)).rejects.toThrow(/replaced by another file while running/);
    await expect(store.listFeeds(target)).rejects.toThrow(/replaced/);
    expect(faults).toHaveLength(1);
    await store.close();
  });

  it('the service stops with one line naming the file when its database file is deleted', async () => {
    const path = join(work, 'deleted.db');
    const s = start(`sqlite:${path}`);
    let out = '';
    await new Promise<void>((r) => s.child.stdout!.on('data', (c: Buffer) => ((out += c.toString()), out.includes('Ctrl-C stops') && r())));
    unlinkSync(path);
    const r = await s.done;
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n').at(-1)).toBe(`tidings: the database file ${path} was deleted while running; stopping so that nothing more is lost`);
    // What the service logged on its way down names the fault too, without a stack.
    expect(r.err).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });
});

describe('PostgreSQL at start', { timeout: 60_000 }, () => {
  it('unreachable: one line naming DATABASE_URL without its password', async () => {
    const r = await start('postgres://tidings:s3cret-pw@127.0.0.1:1/tidings').done;
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe('tidings: DATABASE_URL postgres://tidings:***@127.0.0.1:1/tidings: nothing answers at that address (is PostgreSQL running, and on that port?)');
    expect(r.err).not.toContain('s3cret-pw');
  });

  it('a database that does not exist: one line naming it', async () => {
    const r = await start('postgres://postgres:pw@127.0.0.1:5432/tidings_no_such_db').done;
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^tidings: DATABASE_URL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:5432\/tidings_no_such_db: database "tidings_no_such_db" does not exist/);
  });
});
