// Fitting the story model on some folds and choosing its bar there: the logistic weights from the candidate
// pairs of the training articles, then the prior that gives the best F1 with B-cubed precision at or above
// PRECISION_FLOOR in both digest windows and the whole training set.
import { FEATURES, type StoryModel, pairFeatures } from '../../src/core/stories/similarity';
import { keyTerms } from '../../src/core/stories/key-terms';
import { type Signature, decodeSignature } from '../../src/core/stories/signature';
import { type Labelled, windowsOf } from './corpus';
import { groupArticles } from './grouping';
import { fitLogistic } from './logistic';
import { type Scores, bcubed } from './scores';

/** A wrong merge hides news: the bar is chosen with a margin over the 95 the grouping must keep. */
const PRECISION_FLOOR = 0.96;
export const PRIORS = [6, 7, 8, 8.5, 9, 9.5, 10, 11];
const TUNING_WINDOWS = 120;

/** Features and labels of the pairs the candidate generation would compare (articles sharing a key term). */
export function candidatePairs(articles: readonly Labelled[]): { rows: Float64Array[]; labels: Uint8Array } {
  const signatures = articles.map((a) => decodeSignature(a.fingerprint));
  const postings = new Map<number, number[]>();
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  const seen = new Int32Array(articles.length).fill(-1);
  signatures.forEach((s, i) => {
    if (!s) return;
    for (const term of keyTerms(s)) {
      const list = postings.get(s.hashes[term]!) ?? [];
      for (const j of list.slice(-64)) {
        if (seen[j] === i) continue;
        seen[j] = i;
        rows.push(pairFeatures(s, signatures[j] as Signature, new Float64Array(FEATURES.length)));
        labels.push(articles[i]!.story === articles[j]!.story ? 1 : 0);
      }
      list.push(i);
      postings.set(s.hashes[term]!, list);
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

/** Picks from `options` the one whose (whole, windows) scores keep the floor with the best mean F1. */
export function choose<T>(options: T[], score: (o: T) => [Scores, Scores]): T {
  let best = options[0] as T, bestValue = -Infinity;
  for (const o of options) {
    const [whole, windows] = score(o);
    const value = (whole.f + windows.f) / 2 - (whole.p < PRECISION_FLOOR || windows.p < PRECISION_FLOOR ? 10 : 0);
    if (value > bestValue) [best, bestValue] = [o, value];
  }
  return best;
}

/** The model fitted on these articles, its prior chosen on them. */
export function fitStoryModel(training: readonly Labelled[], seed: number): StoryModel {
  const { rows, labels } = candidatePairs(training);
  const { weights, bias } = fitLogistic(rows, labels);
  const windows = windowsOf(training, TUNING_WINDOWS, seed);
  const prior = choose(PRIORS, (prior) => {
    const model = { weights, bias, prior };
    return [bcubed(training.map((a) => a.story), groupArticles(training, model, seed)), windowScores(windows, (w) => groupArticles(w, model, seed))];
  });
  return { weights, bias, prior };
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
  console.log(JSON.stringify({ weights: model.weights.map((w) => Number(w.toFixed(3))), bias: Number(model.bias.toFixed(3)), prior: model.prior }));
}
