// Page reading: the 169 pages of trafilatura's English evaluation set (../shared/corpus/pages-trafilatura-en)
// through Tidings' page reader and through Readability alone in the same run. Snippet precision/recall/F1 (a
// `with` snippet found is a true positive, missed a false negative; a `without` snippet found a false positive),
// full articles marked excerpt-only (bench/pages/teasers.json lists the pages that hold only a teaser, checked by
// hand), and dates against the hand-checked date set bench/pages/dates.json (page file → the day the page says
// it was published, as the page shows it; null when it states none). A date found is the stated day when its UTC
// day is that day or one either side (an instant late in the evening in the Americas is the next day in UTC;
// the page shows its local day). Then the cost of reading one 1 MB and one 5 MB page, each in a fresh process.
// Usage: npm run bench:pages [-- --no-big]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBody } from '../../src/sources/feed/charset';
import { extractArticle } from '../../src/sources/page/extract';
import { type SnippetScore, loadPages, prf, scoreSnippets } from './corpus';

const pages = loadPages();
if (!pages) process.exit(0);
const statedDates = JSON.parse(readFileSync('bench/pages/dates.json', 'utf8')) as Record<string, string | null>;
const teasers = new Set(JSON.parse(readFileSync('bench/pages/teasers.json', 'utf8')) as string[]);
const DAY = 86_400_000;

const zero = (): SnippetScore => ({ tp: 0, fn: 0, fp: 0, tn: 0 });
const tidings = zero();
const alone = zero();
const excerptOnly: string[] = [];
const dates = { stated: 0, found: 0, right: 0, exact: 0, wrong: [] as string[], missed: [] as string[], unstatedButFound: 0 };
const teasersMarked: string[] = [];
let tidingsMs = 0;
let aloneMs = 0;

for (const page of pages) {
  const html = decodeBody(page.html, null);
  const url = page.url.startsWith('http') ? page.url : 'https://corpus.example/page'; // some entries name no address
  let started = performance.now();
  const read = extractArticle(html, url);
  tidingsMs += performance.now() - started;
  const item = read.ok ? read.value : null;
  scoreSnippets(item?.text ?? '', page, tidings);
  if (item?.excerptOnly) (teasers.has(page.file) ? teasersMarked : excerptOnly).push(page.file);

  started = performance.now();
  let text = '';
  try {
    text = new Readability((parseHTML(html) as unknown as { document: never }).document).parse()?.textContent ?? '';
  } catch {
    text = '';
  }
  aloneMs += performance.now() - started;
  scoreSnippets(text, page, alone);

  const stated = statedDates[page.file];
  const found = item?.publishedAt?.slice(0, 10) ?? null;
  if (stated === undefined) continue;
  if (stated === null) {
    if (found) dates.unstatedButFound++;
    continue;
  }
  dates.stated++;
  if (!found) dates.missed.push(page.file);
  else {
    dates.found++;
    if (found === stated) dates.exact++;
    if (Math.abs(Date.parse(found) - Date.parse(stated)) <= DAY) dates.right++;
    else dates.wrong.push(`${page.file} (${found}, stated ${stated})`);
  }
}

const pct = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)}%`;
const f3 = (n: number) => n.toFixed(3);
const rows = [
  { reader: 'Tidings page reader', ...tidings, ...prf(tidings), msPerPage: tidingsMs / pages.length },
  { reader: 'Readability alone', ...alone, ...prf(alone), msPerPage: aloneMs / pages.length },
];
console.log(`\npage benchmark: ${pages.length} pages of pages-trafilatura-en (${process.version})\n`);
console.log('| reader | with found | with missed | without found | precision | recall | F1 | ms/page |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.reader} | ${r.tp} | ${r.fn} | ${r.fp} | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} | ${r.msPerPage.toFixed(0)} |`);
console.log(`\nfull articles marked excerpt-only: ${excerptOnly.length}${excerptOnly.length ? ` (${excerptOnly.join(', ')})` : ''}; teaser pages marked: ${teasersMarked.length} of ${teasers.size}`);
console.log(
  `dates: ${dates.stated} pages state one; found for ${dates.found} (${pct(dates.found, dates.stated)}), the stated day ±1 for ${dates.right} (${pct(dates.right, dates.stated)}), exactly for ${dates.exact} (${pct(dates.exact, dates.stated)})`,
);
if (dates.wrong.length) console.log(`  another day: ${dates.wrong.join('; ')}`);
if (dates.missed.length) console.log(`  none found: ${dates.missed.join(', ')}`);
console.log(`  pages stating no date that got one anyway: ${dates.unstatedButFound}`);

const big: unknown[] = [];
if (!process.argv.includes('--no-big')) {
  console.log('\n| page | MB | seconds | peak RSS MB | text chars | outcome |');
  console.log('|---|---|---|---|---|---|');
  for (const [shape, mb] of [['article', '1'], ['article', '5'], ['markup', '1'], ['markup', '5']] as const) {
    const out = execFileSync(process.execPath, ['bin/run-ts.js', 'bench/pages/big-page.ts', shape, mb], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, string | number>;
    big.push(r);
    console.log(`| ${r.shape} | ${r.megabytes} | ${r.seconds} | ${r.peakRssMB} | ${r.textChars} | ${r.outcome} |`);
  }
}

mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `pages-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ node: process.version, pages: pages.length, rows, excerptOnly, teasersMarked, dates, big }, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
