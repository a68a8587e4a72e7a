// Following a person, as a chat lives it, on any platform: the real runtime (createTidings and the platform's
// adapter on its fake server) over a SQLite file, so a restart is a new runtime on the same database.
// follow → a new article quoting that person → the digest has "Said since the last digest"; follow … now →
// one alert per new quote, even when the process stops between queueing and sending it; unfollow → silence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDueDigests } from '../../src/app/digests';
import { drainOutbox } from '../../src/app/deliver';
import { buildQuoteAlerts } from '../../src/app/follows';
import { ingestFeed } from '../../src/app/ingest';
import { ok } from '../../src/core/errors';
import type { RawItem } from '../../src/core/model';
import type { Source } from '../../src/core/ports';
import type { Tidings } from '../../src/runtime/app';
import { FakeClock } from '../fakes/clock';

export const FOLLOW_FEED = 'https://wire.example/feed.xml';

/** One platform's side of the journey. */
export interface JourneyPlatform {
  name: string;
  /** Starts the runtime and its adapter on this database, with this clock and source. */
  boot(databaseUrl: string, clock: FakeClock, source: Source): Promise<{ t: Tidings; stop(): Promise<void> }>;
  /** A chat admin sends `/name args` (as the platform spells it); resolves with the reply's text. */
  command(name: string, args: Record<string, string>): Promise<string>;
  /** The names offered while a `name:` option of this command is typed, where the platform completes them. */
  autocomplete?(command: string, typed: string): Promise<string[]>;
  /** What the bot posted into the chat on its own (digests, alerts), as text, in order. */
  posts(): string[];
  /** Stops the fake server. */
  close(): Promise<void>;
}

let n = 0;
/** An article quoting someone: a full name first, then the quote under the bare surname. */
export function quoting(name: string, words: string, at: string): RawItem {
  n++;
  const surname = name.split(' ').at(-1);
  return {
    guid: `wire-${n}`,
    url: `https://wire.example/${n}`,
    title: `${surname} speaks on harbour plan ${n}`,
    text: `${name} visited the harbour works on the ${n}th day of the plan. The works are due to end in spring. “${words},” ${surname} said. Workers have been on site since dawn every day this week.`,
    publishedAt: at,
  };
}

export function followJourney(platform: JourneyPlatform): void {
  describe(`following a person on ${platform.name}`, { timeout: 60_000 }, () => {
    // Every test starts in a world of its own: a new database, clock and wire, with one old quote ingested.
    // Only the platform's fake server is shared, so a test reads the posts made since it began.
    const dir = mkdtempSync(join(tmpdir(), 'tidings-follow-'));
    let worlds = 0;
    let databaseUrl: string;
    let clock: FakeClock;
    let items: RawItem[];
    const source: Source = {
      read: async () => ok({ title: 'Wire', items: [...items], notModified: false, etag: null, lastModified: null, movedTo: null, retryAfterMs: null }),
    };
    let running: { t: Tidings; stop(): Promise<void> } | null = null;
    let postsBefore = 0;
    const ingest = async () => {
      const feed = (await running!.t.store.listFeeds(null)).find((f) => f.url === FOLLOW_FEED)!;
      const r = await ingestFeed({ store: running!.t.store, source, clock, log: running!.t.log }, feed);
      expect(r.ok).toBe(true);
    };
    const deliver = () => drainOutbox({ store: running!.t.store, sinks: running!.t.sinks, clock, log: running!.t.log });
    const posts = () => platform.posts().slice(postsBefore);
    const alerts = () => posts().filter((p) => /New quotes? from Anna Kovalenko/.test(p));
    const restart = async () => {
      await running!.stop();
      running = await platform.boot(databaseUrl, clock, source);
    };

    beforeEach(async () => {
      databaseUrl = `sqlite:${join(dir, `follow-${++worlds}.db`)}`;
      clock = new FakeClock('2026-03-02T06:00:00.000Z');
      items = [quoting('Anna Kovalenko', 'The harbour will open in May', clock.now().toISOString())];
      running = await platform.boot(databaseUrl, clock, source);
      await running.t.store.addFeed(FOLLOW_FEED, null, 'Wire');
      await ingest();
      postsBefore = platform.posts().length;
    });
    afterEach(async () => {
      await running?.stop();
      running = null;
    });
    afterAll(async () => {
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('follow: the reply names the person; a new quote by them reaches the digest under "Said since the last digest"', async () => {
      expect(await platform.command('subscribe', { time: '08:00', timezone: 'UTC' })).toContain('08:00');
      expect(await platform.command('follow', { name: 'anna kovalenko' })).toContain('Following Anna Kovalenko');
      expect(await platform.command('following', {})).toContain('Anna Kovalenko');
      clock.set('2026-03-02T07:00:00.000Z');
      items.push(quoting('Anna Kovalenko', 'Not one more delay will be accepted', clock.now().toISOString()));
      await ingest();
      clock.set('2026-03-02T08:00:30.000Z');
      await buildDueDigests(running!.t.digestDeps);
      await deliver();
      const digest = posts().join('\n');
      const said = digest.slice(digest.indexOf('Said since the last digest'));
      expect(digest).toContain('Said since the last digest');
      expect(said).toContain('Not one more delay will be accepted');
      expect(said).toContain('Wire');
      expect(said).not.toContain('The harbour will open in May'); // said before the follow
    });

    it('/quotes answers with the date and outlet', async () => {
      clock.set('2026-03-02T07:00:00.000Z');
      items.push(quoting('Anna Kovalenko', 'Not one more delay will be accepted', clock.now().toISOString()));
      await ingest();
      const reply = await platform.command('quotes', { name: 'Kovalenko' });
      expect(reply).toContain('Latest quotes by Anna Kovalenko');
      expect(reply).toContain('Not one more delay will be accepted');
      expect(reply).toMatch(/2 Mar 2026/);
    });

    if (platform.autocomplete) {
      it('names complete from the people quoted lately', async () => {
        expect(await platform.autocomplete!('quotes', 'kova')).toEqual(['Anna Kovalenko']);
        expect(await platform.autocomplete!('follow', 'ann')).toEqual(['Anna Kovalenko']);
        expect(await platform.autocomplete!('follow', 'zz')).toEqual([]);
      });
    }

    it('follow … now: a new quote is alerted once, even when the process stops before sending it', async () => {
      expect(await platform.command('follow', { name: 'Anna Kovalenko', now: 'true' })).toContain('at once');
      clock.set('2026-03-02T09:00:00.000Z');
      items.push(quoting('Anna Kovalenko', 'We start the night shifts tomorrow', clock.now().toISOString()));
      await ingest();
      clock.set('2026-03-02T09:05:00.000Z');
      expect(await buildQuoteAlerts(running!.t.digestDeps)).toBe(1);
      // The process stops with the alert queued and not sent; a new one starts on the same database.
      await restart();
      expect(await buildQuoteAlerts(running!.t.digestDeps)).toBe(0);
      await deliver();
      expect(alerts()).toHaveLength(1);
      expect(alerts()[0]).toContain('We start the night shifts tomorrow');
      expect(alerts()[0]).not.toContain('The harbour will open in May'); // from before the alerts were asked for
      // Later ticks and another restart send nothing more.
      clock.set('2026-03-02T09:10:00.000Z');
      expect(await buildQuoteAlerts(running!.t.digestDeps)).toBe(0);
      await restart();
      await deliver();
      expect(alerts()).toHaveLength(1);
    });

    it('unfollow: no alert and no section for their next quote', async () => {
      expect(await platform.command('subscribe', { time: '08:00', timezone: 'UTC' })).toContain('08:00');
      expect(await platform.command('follow', { name: 'Anna Kovalenko', now: 'true' })).toContain('at once');
      expect(await platform.command('unfollow', { name: 'Kovalenko' })).toContain('Unfollowed Anna Kovalenko');
      clock.set('2026-03-02T10:00:00.000Z');
      items.push(quoting('Anna Kovalenko', 'The cranes arrive on Friday', clock.now().toISOString()));
      await ingest();
      clock.set('2026-03-02T10:05:00.000Z');
      expect(await buildQuoteAlerts(running!.t.digestDeps)).toBe(0);
      clock.set('2026-03-03T08:00:30.000Z');
      await buildDueDigests(running!.t.digestDeps);
      await deliver();
      const next = posts().join('\n');
      expect(next).toContain('The cranes arrive on Friday'); // the story itself is in the digest
      expect(next).not.toContain('Said since the last digest');
      expect(alerts()).toHaveLength(0);
    });
  });
}
