// A Tidings command handler over a throwaway SQLite store and a feed fixture, served by the real discord.js
// client connected to the fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCommandHandler } from '../../../src/app/commands';
import { type DiscordBot, createDiscordBot } from '../../../src/adapters/discord';
import { fail, ok } from '../../../src/core/errors';
import type { RawItem } from '../../../src/core/model';
import type { Clock, Logger, Source, Store } from '../../../src/core/ports';
import { openSqliteStore } from '../../../src/store/sqlite';
import { FakeDiscord } from '../../fakes/discord/server';
import type { APIEmbed } from 'discord.js';

export const APP_ID = '600000000000000001';
export const TOKEN = 'fake-bot-token-0123456789abcdefghij';
export const FEED_URL = 'https://news.example/feed.xml';

export interface LogLine {
  level: string;
  obj: unknown;
  msg: string | undefined;
}

export function memoryLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (obj: object | string, msg?: string) => void lines.push({ level, obj, msg });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const SPEAKERS = ['Anna Kovalenko', 'Marco Rossi', 'Julia Weber', 'Tomas Novak', 'Ingrid Larsen', 'Pedro Alves', 'Mei Tanaka', 'Omar Haddad', 'Lena Fischer', 'Sam Okafor', 'Nina Petrova', 'Hugo Martin'];

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sav', 'pel', 'dor', 'qui', 'ban', 'zet', 'hol', 'fra', 'nim', 'gus', 'wex'];

/** A made-up word unique to a story, so unrelated stories never look like one story told twice. */
const word = (n: number, k: number) =>
  [0, 1, 2].map((j) => SYLLABLES[(n * 7 + k * 3 + j * 5 + ((n * k + j) % 11)) % SYLLABLES.length]).join('') +
  // The story's own ending: without it the few syllable triples repeat across stories and MinHash rightly groups them.
  SYLLABLES[n % SYLLABLES.length]! +
  SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]!;

/** A long news story: several long sentences and one attributed quote, so summaries are substantial. */
export function story(n: number, sentenceLength = 260): RawItem {
  const topic = ['bridge', 'harbour', 'railway', 'reservoir', 'library', 'tramline', 'stadium', 'hospital', 'airport', 'market', 'museum', 'school'][n % 12]!;
  const sentence = (k: number) => {
    const words: string[] = [`The ${topic} plan ${word(n, k)}`];
    for (let w = 1; words.join(' ').length < sentenceLength; w++) words.push(word(n, k * 17 + w));
    return `${words.join(' ')}.`;
  };
  const sentences = [1, 2, 3, 4, 5].map(sentence);
  sentences.splice(2, 0, `“We will finish the ${topic} by spring and not a day later,” ${SPEAKERS[n % SPEAKERS.length]} said.`);
  return {
    guid: `story-${n}`,
    url: `https://news.example/story-${n}`,
    title: `Story ${n} on the ${topic} ${word(n, 99)} with *stars* and _marks_`,
    text: sentences.join(' '),
    publishedAt: new Date(Date.UTC(2026, 10, 27, 6, n)).toISOString(),
  };
}

/** The feed fixture: a Source that knows one feed and its article pages, and refuses everything else. */
export function fixtureSource(items: RawItem[]): Source {
  return {
    async read(location) {
      if (location === FEED_URL) {
        return ok({ title: 'News Example', items, notModified: false, etag: null, lastModified: null, movedTo: null, retryAfterMs: null });
      }
      const item = items.find((i) => i.url === location);
      if (item) return ok({ title: item.title ?? null, items: [item], notModified: false, etag: null, lastModified: null, movedTo: null, retryAfterMs: null });
      return fail('feed/not-found', 'there is no feed at that address (HTTP 404).');
    },
  };
}

export interface Harness {
  discord: FakeDiscord;
  store: Store;
  bot: DiscordBot;
  log: LogLine[];
  close(): Promise<void>;
}

export async function startHarness(options: { items?: RawItem[]; maxStories?: number; deferAfterMs?: number } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-discord-'));
  const discord = await new FakeDiscord(APP_ID, { heartbeatIntervalMs: 1500 }).start();
  const store = await openSqliteStore(join(dir, 'test.db'));
  const log: LogLine[] = [];
  const logger = memoryLogger(log);
  const clock: Clock = { now: () => new Date('2026-11-27T09:00:00Z') };
  const source = fixtureSource(options.items ?? [1, 2, 3].map((n) => story(n)));
  const commands = createCommandHandler({
    store,
    source,
    clock,
    log: logger,
    defaults: { time: '08:00', timezone: 'UTC', maxStories: options.maxStories ?? 5, quotes: true, sendEmpty: true },
  });
  const bot = createDiscordBot({ token: TOKEN, applicationId: APP_ID, apiRoot: discord.apiRoot, commands, log: logger, ...(options.deferAfterMs ? { deferAfterMs: options.deferAfterMs } : {}) });
  await bot.start();
  return {
    discord,
    store,
    bot,
    log,
    async close() {
      await bot.stop();
      await store.close();
      await discord.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every Discord message limit, checked on one message body; returns what is broken. */
export function limitViolations(body: { content?: string; embeds?: APIEmbed[] }): string[] {
  const broken: string[] = [];
  if ((body.content ?? '').length > 2000) broken.push(`content ${body.content!.length}`);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) broken.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? '').length > 256) broken.push(`title ${e.title!.length}`);
    if ((e.description ?? '').length > 4096) broken.push(`description ${e.description!.length}`);
    if ((e.fields ?? []).length > 25) broken.push(`${e.fields!.length} fields`);
    for (const f of e.fields ?? []) if (f.name.length > 256 || f.value.length > 1024) broken.push('field too long');
    total += (e.title ?? '').length + (e.description ?? '').length + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  }
  if (total > 6000) broken.push(`embeds total ${total}`);
  return broken;
}
