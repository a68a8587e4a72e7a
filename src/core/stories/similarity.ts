// Whether two articles tell the same story: a logistic model over what their signatures share (rare terms,
// title against title, title against the other's lead, differing numbers), fitted on labelled retellings
// (bench/stories/tune.ts prints the weights below), then held to a bar that rises with the number of articles the
// decision is made among: one match among twenty thousand needs more evidence than one among thirty.
import { IN_TITLE, NUMBER, type Signature } from './signature';

export const FEATURES = ['cosine', 'sqrtCosine', 'titleTitle', 'titleCover', 'rarestShared', 'titleNumbersDiffer', 'numbersDiffer', 'jaccard', 'sharedWeight'] as const;

export interface StoryModel {
  /** One weight per entry of FEATURES. */
  weights: readonly number[];
  bias: number;
  /** Log-odds added before the pool-size correction: where the bar sits. */
  prior: number;
  /** Log-odds taken off per unit of ln(pool size): how much harder a match among many is. */
  slope: number;
}

/** Fitted on all of stories-neus-train by bench/stories/tune.ts (cross-validated figures in docs/adr/0008). */
export const STORY_MODEL: StoryModel = {
  weights: [-15.069, 16.007, 3.899, 2.024, 9.35, -0.621, -0.43, 12.174, 0.32],
  bias: -16.627,
  prior: 9.436,
  slope: 1.134,
};

const HOUR = 3_600_000;
/** Retellings within this gap are judged on their words alone. */
const SAME_DAY = 12 * HOUR;
/** Beyond this gap articles never merge: a story re-told on the next day still does, last week's does not. */
export const MAX_GAP = 36 * HOUR;
/** Log-odds taken off per day of gap between SAME_DAY and MAX_GAP. */
const GAP_PENALTY_PER_DAY = 3;

const titleWeight = (s: Signature, i: number) => s.weights[i]! * (s.flags[i]! & IN_TITLE ? 2 : 1);

/** What a pair's features need of one side alone: kept per article by the story index, not recounted per pair. */
export interface SideTotals {
  /** Squared norm of the title-weighted vector. */
  norm: number;
  /** Weight of the title's terms. */
  title: number;
  numbers: number;
  titleNumbers: number;
}

/** The totals of terms from..to of a signature. */
export function sideTotals(s: Signature, from = 0, to = s.hashes.length): SideTotals {
  const t = { norm: 0, title: 0, numbers: 0, titleNumbers: 0 };
  for (let i = from; i < to; i++) {
    const w = titleWeight(s, i);
    t.norm += w * w;
    if (s.flags[i]! & IN_TITLE) t.title += s.weights[i]!;
    if (s.flags[i]! & NUMBER) {
      t.numbers++;
      if (s.flags[i]! & IN_TITLE) t.titleNumbers++;
    }
  }
  return t;
}

/**
 * The features of a pair, written into `out` (FEATURES order). `b` may be terms from..to of larger arrays (the
 * story index's), so no view is made per comparison; either side's totals may be given when known.
 */
export function pairFeatures(a: Signature, b: Signature, out: Float64Array, from = 0, to = b.hashes.length, totalsA = sideTotals(a), totalsB = sideTotals(b, from, to)): Float64Array {
  let dot = 0, shared = 0, sharedWeight = 0, rarest = 0;
  let titleBoth = 0, coverA = 0, coverB = 0;
  let numbersShared = 0, titleNumbersMet = 0;
  const normA = totalsA.norm, normB = totalsB.norm, titleA = totalsA.title, titleB = totalsB.title;
  const numbersA = totalsA.numbers, numbersB = totalsB.numbers, titleNumbersA = totalsA.titleNumbers, titleNumbersB = totalsB.titleNumbers;
  const na = a.hashes.length, nb = to - from;
  for (let i = 0, j = from; i < na && j < to; ) {
    const ha = a.hashes[i]!, hb = b.hashes[j]!;
    if (ha < hb) i++;
    else if (ha > hb) j++;
    else {
      const fa = a.flags[i]!, fb = b.flags[j]!;
      const w = (a.weights[i]! + b.weights[j]!) / 2;
      dot += titleWeight(a, i) * titleWeight(b, j);
      shared++;
      sharedWeight += w;
      if (w > rarest) rarest = w;
      if (fa & IN_TITLE) coverA += a.weights[i]!;
      if (fb & IN_TITLE) coverB += b.weights[j]!;
      if (fa & fb & IN_TITLE) titleBoth += w;
      if (fa & fb & NUMBER) numbersShared++;
      if ((fa | fb) & NUMBER && (fa | fb) & IN_TITLE) titleNumbersMet++;
      i++;
      j++;
    }
  }
  const cosine = dot / (Math.sqrt(normA * normB) || 1);
  out[0] = cosine;
  out[1] = Math.sqrt(cosine);
  out[2] = titleBoth / (Math.sqrt(titleA * titleB) || 1);
  out[3] = Math.max(titleA ? coverA / titleA : 0, titleB ? coverB / titleB : 0);
  out[4] = rarest / 10;
  out[5] = titleNumbersA && titleNumbersB && !titleNumbersMet ? 1 : 0;
  out[6] = numbersA && numbersB && !numbersShared ? 1 : 0;
  out[7] = shared / (na + nb - shared);
  out[8] = Math.log1p(sharedWeight);
  return out;
}

const scratch = new Float64Array(FEATURES.length);

const TITLE_COVER = FEATURES.indexOf('titleCover');
const TITLE_NUMBERS_DIFFER = FEATURES.indexOf('titleNumbersDiffer');

/**
 * The model's log-odds that two articles tell the same story, on their words alone; -Infinity when neither
 * article says anything of the other's title (0.7% of the retellings in stories-neus-train, and what two stories
 * sharing an outlet's boilerplate or a stock phrase look like), or when both titles carry figures and none is
 * found in the other article (1.4% of those retellings; this week's claims against last week's, match 12 against
 * match 13).
 */
export function pairLogit(a: Signature, b: Signature, model: StoryModel = STORY_MODEL, from = 0, to = b.hashes.length, totalsA?: SideTotals, totalsB?: SideTotals): number {
  pairFeatures(a, b, scratch, from, to, totalsA, totalsB);
  if (scratch[TITLE_COVER] === 0 || scratch[TITLE_NUMBERS_DIFFER] === 1) return Number.NEGATIVE_INFINITY;
  let z = model.bias;
  for (let k = 0; k < FEATURES.length; k++) z += model.weights[k]! * scratch[k]!;
  return z;
}

/** Log-odds taken off for the time between two articles; -Infinity when they are too far apart to merge. */
export function gapPenalty(gapMs: number): number {
  const gap = Math.abs(gapMs);
  if (!(gap <= MAX_GAP)) return Number.NEGATIVE_INFINITY;
  return gap <= SAME_DAY ? 0 : (-GAP_PENALTY_PER_DAY * (gap - SAME_DAY)) / (24 * HOUR);
}

/**
 * The bar never drops below that of a day's digest: below it the few articles compared are no evidence that
 * the words they share are rare (and the model was never tuned there).
 */
export const MIN_POOL = 50;

/** The probability that a pair tells the same story, given how many articles the decision is made among. */
export function sameStoryProbability(logit: number, poolSize: number, model: StoryModel = STORY_MODEL): number {
  return 1 / (1 + Math.exp(-(logit + model.prior - model.slope * Math.log(Math.max(MIN_POOL, poolSize)))));
}

/**
 * How strongly a group of articles belongs with another, from the probabilities of the pairs across them:
 * the mean of the best √(pairs) of them (pairs not compared count as 0). One strong pair joins an article to a
 * single one; joining a story of nine takes three, so a chain of look-alikes does not grow into one story, while
 * a big story still takes a retelling that matches only some of its versions.
 */
export function groupLink(probabilities: number[], pairs: number): number {
  const k = Math.ceil(Math.sqrt(pairs));
  if (probabilities.length > k) probabilities.sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < Math.min(k, probabilities.length); i++) sum += probabilities[i]!;
  return sum / k;
}

/** Groups join when their link reaches this. */
export const JOIN_LINK = 0.5;
