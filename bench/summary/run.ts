// `npm run bench:summary`: summary quality (ROUGE on BBC News Summary against Lead-k and TextRank),
// quote extraction (PolNeAR dev against a regex baseline), sentence splitting (gold set against sbd
// and natural's tokenizer) and throughput, in one run. Prints a table; writes bench/results/summary.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SentenceTokenizer from 'natural/lib/natural/tokenizers/sentence_tokenizer';
import sbd from 'sbd';
import { extractQuotes } from '../../src/core/quotes/index.js';
import { summarize } from '../../src/core/summarize/index.js';
import { splitSentences } from '../../src/core/text/index.js';
import { leadK, loadBbc, textRank, type BbcArticle } from './bbc.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { loadPolnear, regexQuotes, scoreQuotes, type QuoteScore } from './polnear.js';
import { rouge } from './rouge.js';
import { loadSentenceGold, scoreSplitter, type SplitterScore } from './splitter.js';

if (!corpusPresent()) {
  console.log(`bench:summary skipped: the evaluation corpora are not at ${CORPUS_DIR} (see ../shared/corpus/README.md; TIDINGS_CORPUS names another place).`);
  process.exit(0);
}

const pct = (x: number): string => (100 * x).toFixed(2);

function rougeOf(articles: BbcArticle[], pick: (article: BbcArticle, k: number) => string[]) {
  let r1 = 0;
  let r2 = 0;
  let rl = 0;
  for (const article of articles) {
    const scores = rouge(pick(article, article.reference.length), article.reference);
    r1 += scores.rouge1;
    r2 += scores.rouge2;
    rl += scores.rougeL;
  }
  const n = Math.max(1, articles.length);
  return { rouge1: r1 / n, rouge2: r2 / n, rougeL: rl / n, articles: articles.length };
}

const bbc = loadBbc();
const summaries = {
  tidings: rougeOf(bbc, (a, k) => summarize(a.body, { title: a.title, budget: { sentences: k } }).sentences),
  leadK: rougeOf(bbc, (a, k) => leadK(a.body, k)),
  textRank: rougeOf(bbc, (a, k) => textRank(a.body, k)),
};

// Quotes are scored one pair of marks at a time (the corpus rule), so a quote split around its
// attribution is scored as its parts, each with the quote's speaker.
const polnear = loadPolnear('dev');
const quotes: Record<string, QuoteScore> = {
  tidings: scoreQuotes(polnear, (text) => extractQuotes(text).flatMap((q) => q.parts.map((p) => ({ text: p.text, speaker: q.speaker })))),
  regex: scoreQuotes(polnear, regexQuotes),
};

const gold = loadSentenceGold();
const naturalTokenizer = new SentenceTokenizer();
const splitters: Record<string, SplitterScore> = {
  tidings: scoreSplitter(gold, splitSentences),
  sbd: scoreSplitter(gold, (text) => sbd.sentences(text, { newline_boundaries: true })),
  natural: scoreSplitter(gold, (text) => text.split(/\n\s*\n/u).flatMap((p) => (p.trim() ? naturalTokenizer.tokenize(p) : []))),
};

// Throughput: full summaries (sentences, quotes, keywords, headline) on one core, measured by throughput.ts in a
// process of its own, so the corpora and baselines this process holds do not weigh on it. Two figures: articles
// whose words and names the caches have not met (as a feed's new articles are) and the steady state.
const measured = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/summary/throughput.ts', '--json'], { encoding: 'utf8' });
if (measured.status !== 0) throw new Error(`throughput run failed: ${measured.stderr}`);
const throughput = JSON.parse(measured.stdout.trim().split('\n').at(-1) ?? '{}') as { unseenPerCpuSecond: number; steadyPerCpuSecond: number; steadyPerWallSecond: number };

console.log(`\nSummaries — BBC News Summary, ${bbc.length} articles, budget = reference sentences (F1, %)`);
console.log('system      ROUGE-1  ROUGE-2  ROUGE-L');
for (const [name, s] of Object.entries(summaries)) {
  console.log(`${name.padEnd(10)}  ${pct(s.rouge1).padStart(7)}  ${pct(s.rouge2).padStart(7)}  ${pct(s.rougeL).padStart(7)}`);
}
console.log(`\nQuotes — PolNeAR dev, ${polnear.length} articles, ${quotes['tidings']?.gold ?? 0} gold quotes (%)`);
console.log('system      precision  recall     F1  speaker');
for (const [name, q] of Object.entries(quotes)) {
  console.log(`${name.padEnd(10)}  ${pct(q.precision).padStart(9)}  ${pct(q.recall).padStart(6)}  ${pct(q.f1).padStart(5)}  ${pct(q.speakerAccuracy).padStart(7)}`);
}
console.log(`\nSentence boundaries — ${gold.length} gold articles (%)`);
console.log('splitter    precision  recall     F1');
for (const [name, s] of Object.entries(splitters)) {
  console.log(`${name.padEnd(10)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.f1).padStart(5)}`);
}
console.log('\nThroughput — summary + quotes + keywords, articles per CPU-second on one core');
console.log(`unseen articles   ${throughput.unseenPerCpuSecond.toFixed(0).padStart(6)}   (words and names new to the caches)`);
console.log(`steady state      ${throughput.steadyPerCpuSecond.toFixed(0).padStart(6)}   (${throughput.steadyPerWallSecond.toFixed(0)} per wall-clock second)\n`);

const out = join(process.cwd(), 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'summary.json'), `${JSON.stringify({ summaries, quotes, splitters, throughput }, null, 2)}\n`);
console.log(`written ${join('bench', 'results', 'summary.json')}`);
