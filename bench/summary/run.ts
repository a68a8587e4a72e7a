// `npm run bench:summary`: in one run, side by side —
//   summaries: CNN/DailyMail (100) at 3 sentences and at the digest's 60 words against Lead-3 and
//     lead-until-60-words; BBC News Summary (1,808) at the reference's length against Lead-k, TextRank and
//     the ts-textrank package. Tidings' figures are cross-validated (the ranker fitted on the other folds);
//   the digest a reader gets (CNN/DailyMail and BBC): summary and key-quote lengths, empty summaries,
//     headlines that are no headline, quotes joined without a mark;
//   quotes on PolNeAR dev (`--quotes all`) against a regex baseline; sentence splitting against sbd and natural;
//   throughput (new and seen articles) and long texts (10 KB to 5 MB: time and peak memory), each in a
//     process of its own.
// Prints tables; writes bench/results/summary.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer';
import sbd from 'sbd';
import { ENTRY_WORDS, entrySummary } from '../../src/core/digest/entry.js';
import { quoteMentions } from '../../src/core/summarize/index.js';
import { splitSentences } from '../../src/core/text/index.js';
import { leadK, loadBbc, textRank } from './bbc.js';
import { leadWords, loadCnndm } from './cnndm.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { digestStats, type DigestStats } from './digest.js';
import { crossValidate, example, FOLDS, type Example } from './learn.js';
import { tsTextRank } from './peers.js';
import { loadPolnear, regexQuotes, scoreQuotes, type QuoteScore } from './polnear.js';
import { rouge } from './rouge.js';
import { loadSentenceGold, scoreSplitter, type SplitterScore } from './splitter.js';

if (!corpusPresent()) {
  console.log(`bench:summary skipped: the evaluation corpora are not at ${CORPUS_DIR} (see ../shared/corpus/README.md; TIDINGS_CORPUS names another place).`);
  process.exit(0);
}

const pct = (x: number): string => (100 * x).toFixed(2);

interface Row {
  rouge2: number;
  folds?: number[];
}

function meanRouge<T extends { reference: string[] }>(articles: T[], pick: (article: T) => string[]): Row {
  let total = 0;
  for (const article of articles) total += rouge(pick(article), article.reference).rouge2;
  return { rouge2: total / Math.max(1, articles.length) };
}

const cnndm = loadCnndm();
const bbc = loadBbc();
const examples: Example[] = [
  ...cnndm.map((a) => example('cnndm', a.name, a.body, null, a.reference)),
  ...bbc.map((a) => example('bbc', a.name, a.body, a.title, a.reference)),
];
const cv = crossValidate(examples, {
  cnndm3: { corpus: 'cnndm', budget: () => ({ sentences: 3 }) },
  cnndm60: { corpus: 'cnndm', budget: () => ({ words: ENTRY_WORDS }) },
  // The digest's own path: the stored summary (3 sentences) cut to the word budget.
  cnndmDigest: { corpus: 'cnndm', budget: () => ({ sentences: 3 }), then: (sentences) => entrySummary(sentences, '', ENTRY_WORDS) },
  bbc: { corpus: 'bbc', budget: (e) => ({ sentences: e.k }) },
});
const fromFolds = (name: string): Row => ({ rouge2: cv[name]?.mean ?? 0, folds: cv[name]?.folds ?? [] });

const summaries: Record<string, Record<string, Row>> = {
  'cnndm-train-100, 3 sentences': {
    tidings: fromFolds('cnndm3'),
    'lead-3': meanRouge(cnndm, (a) => leadK(a.body, 3)),
    textRank: meanRouge(cnndm, (a) => textRank(a.body, 3)),
    'ts-textrank': meanRouge(cnndm, (a) => tsTextRank(a.body, 3)),
  },
  [`cnndm-train-100, ${ENTRY_WORDS} words`]: {
    tidings: fromFolds('cnndm60'),
    'tidings, digest': fromFolds('cnndmDigest'),
    [`lead-${ENTRY_WORDS}-words`]: meanRouge(cnndm, (a) => leadWords(a.body, ENTRY_WORDS)),
  },
  'BBC News Summary, reference length': {
    tidings: fromFolds('bbc'),
    'lead-k': meanRouge(bbc, (a) => leadK(a.body, a.reference.length)),
    textRank: meanRouge(bbc, (a) => textRank(a.body, a.reference.length)),
    'ts-textrank': meanRouge(bbc, (a) => tsTextRank(a.body, a.reference.length)),
  },
};

const digests: Record<string, DigestStats> = {
  'cnndm-train-100': digestStats(cnndm.map((a) => ({ body: a.body, title: null }))),
  'BBC News Summary': digestStats(bbc.map((a) => ({ body: a.body, title: a.title }))),
};

// Quotes are scored one pair of marks at a time (the corpus rule): the quotes `--quotes all` returns, a
// quote split around its attribution scored as its parts (which the output joins with an ellipsis), each
// with the quote's speaker.
const polnear = loadPolnear('dev');
const quotes: Record<string, QuoteScore> = {
  'tidings --quotes all': scoreQuotes(polnear, (text) => quoteMentions(text).flatMap((q) => q.parts.map((part) => ({ text: part.text, speaker: q.speaker })))),
  regex: scoreQuotes(polnear, regexQuotes),
};

const gold = loadSentenceGold();
const naturalTokenizer = new SentenceTokenizer();
const splitters: Record<string, SplitterScore> = {
  tidings: scoreSplitter(gold, splitSentences),
  sbd: scoreSplitter(gold, (text) => sbd.sentences(text, { newline_boundaries: true })),
  natural: scoreSplitter(gold, (text) => text.split(/\n\s*\n/u).flatMap((p) => (p.trim() ? naturalTokenizer.tokenize(p) : []))),
};

/** Runs one of this folder's scripts in a process of its own and reads the JSON it prints last. */
function measure<T>(script: string, ...args: string[]): T {
  const run = spawnSync(process.execPath, ['bin/run-ts.js', `bench/summary/${script}`, ...args, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
const throughput = measure<{ unseenPerCpuSecond: number; steadyPerCpuSecond: number; steadyPerWallSecond: number }>('throughput.ts');
const sizes = [10_000, 100_000, 1_000_000, 5_000_000].map((bytes) => measure<{ bytes: number; ms: number; cpuMs: number; peakRssMb: number; read: number }>('size.ts', String(bytes)));

for (const [corpus, rows] of Object.entries(summaries)) {
  console.log(`\nSummaries — ${corpus}: ROUGE-2 F1 (%)${Object.values(rows).some((r) => r.folds) ? `; tidings ${FOLDS}-fold cross-validated (each held-out fold)` : ''}`);
  for (const [name, row] of Object.entries(rows)) console.log(`${name.padEnd(18)} ${pct(row.rouge2).padStart(6)}${row.folds ? `   (${row.folds.map(pct).join(' ')})` : ''}`);
}
console.log(`\nDigest entries (summary ≤ ${ENTRY_WORDS} words, key quote ≤ 40) — words: median / p95 / max`);
console.log('corpus            articles  summary       ≤budget  quote (n)        over  empty  "By "  unmarked  repeats');
for (const [name, d] of Object.entries(digests)) {
  const l = (x: DigestStats['summaryWords']) => `${x.median} / ${x.p95} / ${x.max}`.padEnd(13);
  console.log(`${name.padEnd(17)} ${String(d.articles).padStart(8)}  ${l(d.summaryWords)} ${pct(d.withinBudget).padStart(7)}  ${l(d.quoteWords)}(${d.quotes})  ${String(d.quotesOverLimit).padStart(3)}  ${String(d.emptySummaries).padStart(5)}  ${String(d.badHeadlines).padStart(5)}  ${String(d.unmarkedJoins).padStart(8)}  ${String(d.quotesRepeatingSummary).padStart(7)}`);
}
console.log(`\nQuotes — PolNeAR dev, ${polnear.length} articles, ${quotes['regex']?.gold ?? 0} gold quotes (%)`);
console.log('system                 precision  recall     F1  speaker');
for (const [name, q] of Object.entries(quotes)) {
  console.log(`${name.padEnd(21)}  ${pct(q.precision).padStart(9)}  ${pct(q.recall).padStart(6)}  ${pct(q.f1).padStart(5)}  ${pct(q.speakerAccuracy).padStart(7)}`);
}
console.log(`\nSentence boundaries — ${gold.length} gold articles (%)`);
console.log('splitter    precision  recall     F1');
for (const [name, s] of Object.entries(splitters)) {
  console.log(`${name.padEnd(10)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(5)}`);
}
console.log('\nThroughput — summary + quotes + keywords, articles per CPU-second on one core');
console.log(`unseen articles   ${throughput.unseenPerCpuSecond.toFixed(0).padStart(6)}   (words and names new to the caches)`);
console.log(`steady state      ${throughput.steadyPerCpuSecond.toFixed(0).padStart(6)}   (${throughput.steadyPerWallSecond.toFixed(0)} per wall-clock second)`);
console.log('\nLong texts — one summary, in a process of its own (the text is read up to 100,000 characters)');
console.log('size         read      wall ms   CPU ms   peak RSS MB');
for (const s of sizes) {
  console.log(`${String(s.bytes).padStart(9)}  ${String(s.read).padStart(7)}  ${s.ms.toFixed(0).padStart(9)}  ${s.cpuMs.toFixed(0).padStart(7)}  ${s.peakRssMb.toFixed(0).padStart(12)}`);
}

const out = join(process.cwd(), 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'summary.json'), `${JSON.stringify({ summaries, digests, quotes, splitters, throughput, sizes }, null, 2)}\n`);
console.log(`\nwritten ${join('bench', 'results', 'summary.json')}`);
