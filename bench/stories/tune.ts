// Fitting the story model on some folds and choosing its bar there: the logistic weights from the candidate
// pairs of the training articles, then the bar that gives the best B-cubed F1 with precision at or above
// PRECISION_FLOOR, once among a digest's articles (windows) and once among the whole training set; the two bars
// fix the prior and how it moves with ln(pool size).
import { FEATURES, MIN_POOL, type StoryModel, pairFeatures } from '../../src/core/stories/similarity';
import { SCORED, keyTerms } from '../../src/core/stories/key-terms';
import { IN_TITLE, type Signature, decodeSignature } from '../../src/core/stories/signature';
import { type Labelled, windowsOf } from './corpus';
import { groupArticles } from './grouping';
import { fitLogistic } from './logistic';
import { type Scores, bcubed } from './scores';

/** A wrong merge hides news: the bar is chosen with a margin over the 95 the grouping must keep. */
const PRECISION_FLOOR = 0.955;
/** Candidate bars, as the log-odds added at the pool size they are tried at. */
const OFFSETS = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 2, 3, 4, 5, 6, 7];
const TUNING_WINDOWS = 120;

/** Features and labels of the pairs the candidate generation would compare (articles sharing a key term). */
export function candidatePairs(articles: readonly Labelled[]): { rows: Float64Array[]; labels: Uint8Array } {
  const signatures = articles.map((a) => decodeSignature(a.fingerprint));
  const postings = new Map<number, number[]>();
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  signatures.forEach((s, i) => {
    if (!s) return;
    const met = new Map<number, number>();
    for (const term of keyTerms(s)) {
      const weight = s.weights[term]! * (s.flags[term]! & IN_TITLE ? 2 : 1);
      const list = postings.get(s.hashes[term]!) ?? [];
      for (const j of list.slice(-64)) met.set(j, (met.get(j) ?? 0) + weight);
      list.push(i);
      postings.set(s.hashes[term]!, list);
    }
    const chosen = [...met.keys()];
    if (chosen.length > SCORED) chosen.sort((x, y) => met.get(y)! - met.get(x)! || y - x).length = SCORED;
    for (const j of chosen) {
      rows.push(pairFeatures(s, signatures[j] as Signature, new Float64Array(FEATURES.length)));
      labels.push(articles[i]!.story === articles[j]!.story ? 1 : 0);
    }
  });
  return { rows, labels: Uint8Array.from(labels) };
}

/** Mean B-cubed over windows. */
export function windowScores(windows: Labelled[][], label: (w: Labelled[]) => string[]): Scores {
  const sum = { p: 0, r: 0, f: 0 };
  for (const w of windows) {
    const s = bcubed(w.map((a) => a.story), label(w));
    sum.p += s.p;
    sum.r += s.r;
  }
  const p = sum.p / windows.length, r = sum.r / windows.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The best F1 among the offsets whose precision keeps the floor (the most precise one when none does). */
function bestOffset(score: (offset: number) => Scores): number {
  let best = OFFSETS[0]!, bestValue = -Infinity;
  for (const offset of OFFSETS) {
    const s = score(offset);
    const value = s.p >= PRECISION_FLOOR ? s.f : s.p - 10;
    if (value > bestValue) [best, bestValue] = [offset, value];
  }
  return best;
}

/** The model fitted on these articles, its bars chosen on them. */
export function fitStoryModel(training: readonly Labelled[], seed: number): StoryModel {
  const { rows, labels } = candidatePairs(training);
  const { weights, bias } = fitLogistic(rows, labels);
  const windows = windowsOf(training, TUNING_WINDOWS, seed);
  // An offset o tried at pool size n is the model {prior: o, slope: 0}; the two chosen give prior and slope.
  const flat = (offset: number) => ({ weights, bias, prior: offset, slope: 0 });
  const inWindows = bestOffset((o) => windowScores(windows, (w) => groupArticles(w, flat(o), seed)));
  const inWhole = bestOffset((o) => bcubed(training.map((a) => a.story), groupArticles(training, flat(o), seed)));
  const slope = Math.max(0, (inWindows - inWhole) / (Math.log(training.length) - Math.log(MIN_POOL)));
  return { weights, bias, prior: inWindows + slope * Math.log(MIN_POOL), slope };
}

if (process.argv[1]?.endsWith('tune.ts')) {
  const { loadStories } = await import('./corpus');
  const articles = loadStories();
  if (!articles) {
    console.error('stories-neus-train is not there (../shared/corpus): nothing to fit.');
    process.exit(1);
  }
  const model = fitStoryModel(articles, 1);
  console.log(`fitted on all ${articles.length} articles; paste into src/core/stories/similarity.ts:`);
  console.log(JSON.stringify({ weights: model.weights.map((w) => Number(w.toFixed(3))), bias: Number(model.bias.toFixed(3)), prior: Number(model.prior.toFixed(3)), slope: Number(model.slope.toFixed(3)) }));
}
