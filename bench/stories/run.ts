// Story grouping on stories-neus-train, cross-validated: for each of FOLDS story-wise folds the model is fitted and
// its bar chosen on the other folds, then scored on the held-out fold, in digest-sized windows (16–50 articles)
// and over the whole set (every article in the pool, scored on the held-out ones). Exact-title and TF-IDF cosine
// (its threshold tuned on the same training folds) run beside it. Then speed: ms per article at 20,000 articles
// in the index, and the index's memory. Prints tables, writes JSON to bench/results/.
// Usage: npm run bench:stories
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDS, type Labelled, foldsOf, loadStories, windowsOf } from './corpus';
import { components, cosinePairs, exactTitle, tfidfVectors } from './baselines';
import { groupArticles } from './grouping';
import { fitStoryModel, windowScores } from './tune';
import { type Scores, bcubed, pairwise } from './scores';
import { measureSpeed } from './speed';

const HELD_OUT_WINDOWS = 200;
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => 0.1 + i * 0.025);

const articles = loadStories();
if (!articles) {
  console.log('stories-neus-train is not there (../shared/corpus/stories-neus-train): skipping the story benchmark.');
  process.exit(0);
}
const fold = foldsOf(articles);
const tfidf = tfidfVectors(articles);
const allPairs = cosinePairs(articles, tfidf);

/** B-cubed and pairwise scores of the held-out articles, their clusters taken whole (training members count). */
function heldOutScores(all: readonly Labelled[], labels: string[], heldOut: (a: Labelled) => boolean): { b3: Scores; pw: Scores } {
  const size = new Map<string, number>(), both = new Map<string, number>(), gold = new Map<string, number>();
  all.forEach((a, i) => {
    size.set(labels[i]!, (size.get(labels[i]!) ?? 0) + 1);
    both.set(`${labels[i]}\n${a.story}`, (both.get(`${labels[i]}\n${a.story}`) ?? 0) + 1);
    gold.set(a.story, (gold.get(a.story) ?? 0) + 1);
  });
  let p = 0, r = 0, n = 0, pp = 0, tp = 0, gp = 0;
  all.forEach((a, i) => {
    if (!heldOut(a)) return;
    const x = both.get(`${labels[i]}\n${a.story}`)!;
    p += x / size.get(labels[i]!)!;
    r += x / gold.get(a.story)!;
    n++;
    pp += size.get(labels[i]!)! - 1;
    tp += x - 1;
    gp += gold.get(a.story)! - 1;
  });
  const f = (a: number, b: number) => (a + b ? (2 * a * b) / (a + b) : 0);
  const pwP = pp ? tp / pp : 1, pwR = gp ? tp / gp : 1;
  return { b3: { p: p / n, r: r / n, f: f(p / n, r / n) }, pw: { p: pwP, r: pwR, f: f(pwP, pwR) } };
}

function windowPairwise(windows: Labelled[][], label: (w: Labelled[]) => string[]): Scores {
  let p = 0, r = 0;
  for (const w of windows) {
    const s = pairwise(w.map((a) => a.story), label(w));
    p += s.p;
    r += s.r;
  }
  p /= windows.length;
  r /= windows.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

type Method = 'singletons' | 'exact title' | 'TF-IDF cosine' | 'Tidings';
const totals = new Map<string, { b3: Scores; pw: Scores }[]>();
const record = (key: string, s: { b3: Scores; pw: Scores }) => totals.set(key, [...(totals.get(key) ?? []), s]);
const tuned: { fold: number; prior: number; slope: number; tfidfWhole: number; tfidfWindows: number }[] = [];

for (let k = 0; k < FOLDS; k++) {
  const inFold = (a: Labelled) => fold.get(a.story) === k;
  const training = articles.filter((a) => !inFold(a));
  const test = articles.filter(inFold);
  const model = fitStoryModel(training, k + 1);
  const trainWindows = windowsOf(training, 120, 100 + k);
  // TF-IDF's threshold: tuned on the training folds, for each setting on its own (its best case).
  const trainPairs = cosinePairs(training, tfidf);
  const bestWhole = THRESHOLDS.reduce((a, t) => (bcubed(training.map((x) => x.story), components(training, trainPairs, t)).f > bcubed(training.map((x) => x.story), components(training, trainPairs, a)).f ? t : a));
  const windowPairs = new Map(trainWindows.map((w) => [w, cosinePairs(w, tfidf)]));
  const bestWindows = THRESHOLDS.reduce((a, t) =>
    windowScores(trainWindows, (w) => components(w, windowPairs.get(w)!, t)).f > windowScores(trainWindows, (w) => components(w, windowPairs.get(w)!, a)).f ? t : a,
  );
  tuned.push({ fold: k, prior: model.prior, slope: model.slope, tfidfWhole: bestWhole, tfidfWindows: bestWindows });

  const labelers: Record<Method, (w: readonly Labelled[]) => string[]> = {
    singletons: (w) => w.map((a) => a.id),
    'exact title': exactTitle,
    'TF-IDF cosine': (w) => (w === articles ? components(w, allPairs, bestWhole) : components(w, cosinePairs(w, tfidf), bestWindows)),
    Tidings: (w) => groupArticles(w, model, k + 1),
  };
  const windows = windowsOf(test, HELD_OUT_WINDOWS, 1000 + k);
  for (const [name, label] of Object.entries(labelers)) {
    record(`${name}|whole`, heldOutScores(articles, label(articles), inFold));
    record(`${name}|windows`, { b3: windowScores(windows, (w) => label(w)), pw: windowPairwise(windows, (w) => label(w)) });
  }
  console.error(`fold ${k + 1}/${FOLDS}: prior ${model.prior.toFixed(2)} slope ${model.slope.toFixed(2)}, TF-IDF thresholds ${bestWhole.toFixed(3)} (whole) ${bestWindows.toFixed(3)} (windows)`);
}

const mean = (xs: { b3: Scores; pw: Scores }[], key: 'b3' | 'pw', m: keyof Scores) => (100 * xs.reduce((s, x) => s + x[key][m], 0)) / xs.length;
const rows = [...totals].map(([key, xs]) => {
  const [method, setting] = key.split('|') as [string, string];
  return {
    method,
    setting,
    b3: { p: mean(xs, 'b3', 'p'), r: mean(xs, 'b3', 'r'), f: mean(xs, 'b3', 'f') },
    pairwise: { p: mean(xs, 'pw', 'p'), r: mean(xs, 'pw', 'r'), f: mean(xs, 'pw', 'f') },
  };
});
console.log(`\nstory grouping on stories-neus-train (${articles.length} articles, ${new Set(articles.map((a) => a.story)).size} stories), ${FOLDS}-fold cross-validated: mean of the held-out folds`);
console.log(`windows: ${HELD_OUT_WINDOWS} per fold of 16–50 articles; whole: all articles in the pool, scored on the held-out fold\n`);
console.log('| setting | method | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 |');
console.log('|---|---|---|---|---|---|---|---|');
const fmt = (x: number) => x.toFixed(1);
for (const r of rows.sort((a, b) => a.setting.localeCompare(b.setting)))
  console.log(`| ${r.setting} | ${r.method} | ${fmt(r.b3.p)} | ${fmt(r.b3.r)} | ${fmt(r.b3.f)} | ${fmt(r.pairwise.p)} | ${fmt(r.pairwise.r)} | ${fmt(r.pairwise.f)} |`);

const speed = measureSpeed(articles);
console.log(
  `\nspeed: ${speed.cpuMsPerArticle.toFixed(3)} CPU ms per article (${speed.msPerArticle.toFixed(3)} wall; fingerprint, match, add) with ${speed.indexed} articles in the index, i.e. ${(speed.cpuMsPerArticle * 1000).toFixed(0)} CPU ms per 1,000; index arrays ${speed.indexBytesPerArticle.toFixed(0)} B per article; RSS ${speed.peakRssMB.toFixed(0)} MB, heap ${speed.peakHeapMB.toFixed(0)} MB after`,
);
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `stories-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify({ articles: articles.length, folds: FOLDS, tuned, rows, speed, node: process.version }, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
