// `npm run bench:quotes`: how fast `/quotes NAME` answers with 1,000,000 quotes stored on SQLite. A file
// database is filled with synthetic people (a Zipf spread: a few quoted tens of thousands of times, most a
// handful), articles over 60 days in 20 feeds, and quotes four to an article, one in twenty carried by a
// second outlet too. Then the whole command (name lookup, the chat's feeds, the quotes and their outlets)
// runs through the command router for a chat reading 3 of the 20 feeds, for names of every kind.
// Prints a table; writes bench/results/quotes.json. `--quotes N` changes the size.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sqlite from 'better-sqlite3';
import { createCommandHandler } from '../../src/app/commands';
import { toPlainText } from '../../src/core/document';
import type { ChatTarget } from '../../src/core/model';
import type { Logger, Source } from '../../src/core/ports';
import { openSqliteStore } from '../../src/store/sqlite';
import { quoteId } from '../../src/store/sql/people';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const QUOTES = arg('--quotes', 1_000_000);
const PEOPLE = 20_000;
const FEEDS = 20;
const PER_ARTICLE = 4;
const RUNS = arg('--runs', 200);
const DAY = 86_400_000;
const NOW = Date.parse('2026-03-01T12:00:00Z');

const GIVEN = 'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Marco Luis Ana Olga Pierre Hans Ingrid Yuki Amir Fatima Kwame Priya Mateo Sofia Ivan Elena Omar Leila Chen Wei'.split(' ');
const SURNAMES = Array.from({ length: 700 }, (_, i) => {
  const a = 'Br Ch Cl Dr Fl Gr Harr Kell Lars Mart Morr Nels Pet Rob Sand Thom Walk Wint Yang Zim'.split(' ');
  const b = 'ady ane ansen ayer erson ford ington itz ley man nova ovic quist ski son ton well ez ini ard'.split(' ');
  const c = ['', 'o', 'e', 'a', 'i', 'u', 'y', 'ie', 'ey', 'ow', 'an', 'er', 'en', 'el', 'is'];
  return `${a[i % a.length]}${c[Math.floor(i / 400) % c.length]}${b[Math.floor(i / a.length) % b.length]}`;
});

// A deterministic random stream, so every run stores the same data.
let seed = 42;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

interface Synthetic {
  id: string;
  name: string;
  surname: string;
}

function people(): Synthetic[] {
  const out: Synthetic[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < PEOPLE; i++) {
    const given = GIVEN[i % GIVEN.length]!;
    const surname = SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]!;
    const name = `${given} ${surname}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ id: name.toLowerCase().replace(/\s+/g, '-'), name, surname });
  }
  return out;
}

/** Rank r (0-based) is drawn with weight 1/(r+1). */
function zipfSampler(n: number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

async function fill(path: string, persons: Synthetic[]): Promise<{ counts: number[]; fillMs: number }> {
  await (await openSqliteStore(path)).close(); // migrated
  const started = performance.now();
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // people are written last, with their counts
  const iso = (ms: number) => new Date(ms).toISOString();
  const ins = {
    feed: db.prepare('INSERT INTO feeds (id, url, title, global, enabled, failures, created_at) VALUES (?, ?, ?, ?, 1, 0, ?)'),
    chatFeed: db.prepare('INSERT INTO chat_feeds (target_key, target, feed_id, added_at) VALUES (?, ?, ?, ?)'),
    story: db.prepare('INSERT INTO stories (id, first_seen_at) VALUES (?, ?)'),
    article: db.prepare(
      `INSERT INTO articles (id, feed_id, source_name, url, title, text, published_at, ingested_at, language, summary, quotes, keywords, excerpt_only, story_id, fingerprint)
       VALUES (?, ?, ?, ?, ?, '', ?, ?, 'en', '[]', '[]', '[]', 0, ?, '00')`,
    ),
    articleFeed: db.prepare('INSERT INTO article_feeds (article_id, feed_id, seen_at) VALUES (?, ?, ?)'),
    person: db.prepare('INSERT INTO people (id, name, key, given, suffix, aliases, roles, gender, mentions, last_seen) VALUES (?, ?, ?, ?, NULL, ?, \'[]\', NULL, ?, ?)'),
    alias: db.prepare('INSERT OR IGNORE INTO person_aliases (alias, person_id) VALUES (?, ?)'),
    quote: db.prepare('INSERT OR IGNORE INTO quotes (id, person_id, text, cue, published_at, seen_at) VALUES (?, ?, ?, \'said\', ?, ?)'),
    quoteArticle: db.prepare('INSERT OR IGNORE INTO quote_articles (quote_id, article_id, outlet, url, published_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  const counts = new Array<number>(persons.length).fill(0);
  const lastSeen = new Array<number>(persons.length).fill(0);
  const pick = zipfSampler(persons.length);
  const articles = Math.ceil(QUOTES / PER_ARTICLE);
  db.transaction(() => {
    for (let f = 0; f < FEEDS; f++) {
      ins.feed.run(`feed-${f}`, `https://outlet${f}.example/rss`, `Outlet ${f}`, f < 2 ? 1 : 0, iso(NOW - 90 * DAY));
      if (f >= 2) ins.chatFeed.run(`telegram:${f}`, JSON.stringify({ platform: 'telegram', chatId: String(f), threadId: null }), `feed-${f}`, iso(NOW - 90 * DAY));
    }
    let stored = 0;
    for (let a = 0; a < articles; a++) {
      const at = NOW - 60 * DAY + Math.floor((a / articles) * 60 * DAY);
      const feed = `feed-${Math.floor(random() * FEEDS)}`;
      const id = `article-${a}`;
      ins.story.run(id, iso(at));
      ins.article.run(id, feed, feed.replace('feed-', 'Outlet '), `https://${feed}.example/${a}`, `Story ${a}`, iso(at), iso(at), id);
      ins.articleFeed.run(id, feed, iso(at));
      for (let k = 0; k < PER_ARTICLE && stored < QUOTES; k++, stored++) {
        const r = pick();
        const person = persons[r]!;
        counts[r]!++;
        lastSeen[r] = at;
        const text = `Statement ${stored} by ${person.name} on the matter at hand, said plainly.`;
        const qid = quoteId(person.id, text);
        ins.quote.run(qid, person.id, text, iso(at), iso(at));
        ins.quoteArticle.run(qid, id, feed.replace('feed-', 'Outlet '), `https://${feed}.example/${a}`, iso(at), iso(at));
        // One quote in twenty is carried by a second outlet too (an earlier article, so no new row).
        if (stored % 20 === 0 && a > 0) ins.quoteArticle.run(qid, `article-${a - 1}`, 'Outlet X', null, iso(at), iso(at));
      }
    }
    persons.forEach((p, r) => {
      const given = p.name.split(' ')[0]!;
      ins.person.run(p.id, p.name, p.surname.toLowerCase(), JSON.stringify([given]), JSON.stringify([p.name, p.surname]), counts[r], lastSeen[r] ? iso(lastSeen[r]) : null);
      ins.alias.run(p.name.toLowerCase(), p.id);
      ins.alias.run(p.surname.toLowerCase(), p.id);
    });
  })();
  db.pragma('optimize');
  db.close();
  return { counts, fillMs: performance.now() - started };
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-quotes-'));
  const path = join(dir, 'quotes.db');
  const persons = people();
  const { counts, fillMs } = await fill(path, persons);
  const store = await openSqliteStore(path);
  const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
  const offline: Source = { read: async () => ({ ok: false, error: new Error('offline') as never }) };
  const handler = createCommandHandler({
    store,
    source: offline,
    clock: { now: () => new Date(NOW) },
    log: silent,
    defaults: { time: '08:00', timezone: 'UTC', maxStories: 5, quotes: true, sendEmpty: true },
  });
  const chat: ChatTarget = { platform: 'telegram', chatId: '7', threadId: null }; // reads feeds 0, 1 (global) and 7
  const byCount = persons.map((p, r) => ({ ...p, quotes: counts[r] ?? 0 })).sort((a, b) => b.quotes - a.quotes);
  const mid = byCount[Math.floor(byCount.length / 10)]!;
  const rare = byCount.find((p) => p.quotes === 3) ?? byCount.at(-1)!;
  const top = byCount[0]!;
  const cases = [
    { kind: 'most quoted, full name', name: top.name, quotes: top.quotes },
    { kind: 'most quoted, lower case', name: top.name.toLowerCase(), quotes: top.quotes },
    { kind: 'top 10%, full name', name: mid.name, quotes: mid.quotes },
    { kind: 'quoted 3 times', name: rare.name, quotes: rare.quotes },
    { kind: 'surname shared by many', name: top.surname, quotes: top.quotes },
    { kind: 'typo in the surname', name: `${top.name.split(' ')[0]} ${top.surname.slice(0, -1)}x${top.surname.slice(-1)}`, quotes: top.quotes },
    { kind: 'nobody of that name', name: 'Zzyzx Qwertyuiop', quotes: 0 },
  ];
  const rows: { kind: string; name: string; quotesStored: number; answer: string; p50: number; p95: number; max: number; cpuP50: number; cpuP95: number }[] = [];
  const all: number[] = [];
  const allCpu: number[] = [];
  for (const c of cases) {
    const ask = () => handler({ target: chat, chatKind: 'private', isAdmin: true, name: 'quotes', args: c.name });
    const first = toPlainText((await ask()).doc).split('\n')[0] ?? '';
    for (let i = 0; i < 20; i++) await ask(); // warm the statement cache and the page cache
    const times: number[] = [];
    // CPU time beside wall time: on a machine shared with other work, wall time also counts the waits for a CPU.
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await ask();
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    }
    all.push(...times);
    allCpu.push(...cpu);
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    rows.push({ kind: c.kind, name: c.name, quotesStored: c.quotes, answer: first.slice(0, 60), p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times.at(-1) ?? NaN, cpuP50: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) });
  }
  all.sort((a, b) => a - b);
  allCpu.sort((a, b) => a - b);
  await store.close();
  rmSync(dir, { recursive: true, force: true });

  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`bench:quotes — /quotes NAME through the command router, SQLite file, ${QUOTES.toLocaleString('en')} quotes by ${PEOPLE.toLocaleString('en')} people in ${Math.ceil(QUOTES / PER_ARTICLE).toLocaleString('en')} articles (filled in ${(fillMs / 1000).toFixed(1)} s); ${RUNS} runs per name; load ${load}`);
  console.log('| name | quotes stored | first line of the answer | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.kind}: ${r.name} | ${r.quotesStored} | ${r.answer} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} | ${r.cpuP50.toFixed(2)} | ${r.cpuP95.toFixed(2)} |`);
  console.log(`| all names | | | ${quantile(all, 0.5).toFixed(2)} | ${quantile(all, 0.95).toFixed(2)} | ${(all.at(-1) ?? NaN).toFixed(2)} | ${quantile(allCpu, 0.5).toFixed(2)} | ${quantile(allCpu, 0.95).toFixed(2)} |`);
  const out = join(process.cwd(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'quotes.json'),
    `${JSON.stringify({ quotes: QUOTES, people: PEOPLE, feeds: FEEDS, chatFeeds: 3, runs: RUNS, loadavg: load, fillMs, cases: rows, overall: { p50: quantile(all, 0.5), p95: quantile(all, 0.95), max: all.at(-1), cpuP50: quantile(allCpu, 0.5), cpuP95: quantile(allCpu, 0.95) } }, null, 2)}\n`,
  );
  console.log(`written ${join('bench', 'results', 'quotes.json')}`);
}

await main();
