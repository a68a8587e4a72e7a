import type { ArticleSentence } from '../text/layout.js';

// What the ranker knows of a candidate sentence: a handful of numbers, each in [0, 1], that the
// learned weights (ranker.json, fitted by `npm run train:summary`) turn into a score. Few on purpose:
// they are fitted on a few thousand sentences, and must carry over to feeds the corpora never saw.
// Photo captions are no feature: the corpora reward them (highlights often restate a caption), and a
// fitted weight came out in their favour, the opposite of what a reader wants; they are ruled out
// (text/boilerplate.ts isCaption) before anything is ranked.

/** What is read from the article alone. */
export const ARTICLE_FEATURES = [
  'bias',
  /** The story's first sentence. */
  'first',
  /** 1 / (1 + place among the candidates). */
  'lead',
  /** Place among the candidates, 0 (first) to 1 (last). */
  'relative',
  /** Opens its paragraph. */
  'paragraphStart',
  /** Words, up to 50, over 50. */
  'length',
  /** Fewer than 8 words. */
  'short',
  /** LexRank score over the article's highest. */
  'centrality',
  /** Cosine with the article as a whole, over the highest. */
  'centroid',
  /** Sum of its words' counts in the article, over the highest (Luhn's word-frequency score). */
  'frequency',
  /** Cosine with the headline, over the highest (0 without a headline). */
  'title',
  /** Share of the letters that sit inside quotation marks. */
  'quoted',
  /** Share of the words after the first that are capitalized (names). */
  'names',
  /** Holds a figure. */
  'numbers',
  /** A piece of a quotation that runs over several sentences (its marks do not pair up). */
  'fragment',
] as const;



/**
 * Every feature, then every feature times the budget's share of the article (0 to 1): how much of it the
 * summary may keep. A short summary of a long article is the lede's job; a long one must cover the
 * article. The products let one set of weights do both, moving from one to the other with the budget.
 */
/**
 * Then where the sentence stands against the budget: whether it would be kept if the summary were the
 * most central sentences, or the first ones, as many as the budget holds.
 */
const RANK_FEATURES = ['centralWithinBudget', 'leadWithinBudget', 'centroidWithinBudget', 'titleWithinBudget', 'centralRank'];

export const FEATURES: readonly string[] = [...ARTICLE_FEATURES, ...ARTICLE_FEATURES.map((name) => `${name}*share`), ...RANK_FEATURES];

export type FeatureName = (typeof ARTICLE_FEATURES)[number];

/** What the features are read from, one entry per candidate (in candidate order). */
export interface FeatureInput {
  sentences: ArticleSentence[];
  candidates: readonly { index: number; order: number; words: number; fragment: boolean }[];
  centrality: readonly number[];
  centroidLike: readonly number[];
  frequency: readonly number[];
  titleLike: readonly number[] | null;
}

/** Whether a UTF-16 unit is a quotation mark (double or single; apostrophes are told apart by position). */
function isMark(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0xab || code === 0xbb || code === 0x201e;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code > 0xbf;
}

/**
 * Share of the letters between quotation marks (double marks, and single ones not inside a word), and
 * share of the words after the first that are capitalized — read in one walk over the sentence.
 */
export function quotedAndNamed(text: string): { quoted: number; names: number } {
  let inside = false;
  let letters = 0;
  let quoted = 0;
  let words = 0;
  let capitals = 0;
  let wordStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      wordStart = true;
      continue;
    }
    if (wordStart) {
      wordStart = false;
      if (i > 0) {
        words++;
        if (code >= 65 && code <= 90) capitals++;
      }
    }
    if (isWordCode(code)) {
      letters++;
      if (inside) quoted++;
      continue;
    }
    if (!isMark(code)) continue;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
    // An apostrophe inside a word ("don't") is no mark.
    if ((code === 0x27 || code === 0x2019) && isWordCode(before) && isWordCode(after)) continue;
    if (!inside && (before === 32 || i === 0 || before === 40) && after !== 32) inside = true;
    else if (inside && before !== 32) inside = false;
  }
  return { quoted: letters === 0 ? 0 : quoted / letters, names: words === 0 ? 0 : capitals / words };
}

/** Each candidate's full features for a budget that keeps `share` of the article. */
export function withBudget(features: readonly (readonly number[])[], share: number): number[][] {
  const { s, rank } = budgetParts(features, share);
  return features.map((row, i) => [...row, ...row.map((value) => value * s), ...(rank[i] as number[])]);
}

/**
 * The linear score `weights · withBudget(features, share)` of each row, without making the rows: the
 * summarizer scores every article once, and the products and rank features are most of its allocations.
 */
export function budgetScores(features: readonly (readonly number[])[], share: number, weights: readonly number[]): number[] {
  const { s, rank } = budgetParts(features, share);
  const a = ARTICLE_FEATURES.length;
  return features.map((row, i) => {
    let z = 0;
    for (let k = 0; k < a; k++) z += (row[k] as number) * ((weights[k] as number) + s * (weights[a + k] as number));
    const extra = rank[i] as number[];
    for (let j = 0; j < extra.length; j++) z += (extra[j] as number) * (weights[2 * a + j] as number);
    return z;
  });
}

const CENTRALITY = ARTICLE_FEATURES.indexOf('centrality');
const CENTROID = ARTICLE_FEATURES.indexOf('centroid');
const TITLE = ARTICLE_FEATURES.indexOf('title');

/** The share, clamped, and each row's RANK_FEATURES. */
function budgetParts(features: readonly (readonly number[])[], share: number): { s: number; rank: number[][] } {
  const s = Math.min(1, Math.max(0, share));
  const kept = Math.max(1, Math.round(s * features.length));
  const central = ranks(features, CENTRALITY);
  const centroid = ranks(features, CENTROID);
  const title = ranks(features, TITLE);
  const rank = features.map((row, i) => [
    (central[i] as number) < kept ? 1 : 0,
    i < kept ? 1 : 0,
    (centroid[i] as number) < kept ? 1 : 0,
    (title[i] as number) < kept && (row[TITLE] as number) > 0 ? 1 : 0,
    Math.min(1, (central[i] as number) / (2 * kept)),
  ]);
  return { s, rank };
}

/** Each row's rank (0: highest) by one feature; an earlier row first on a tie. */
function ranks(features: readonly (readonly number[])[], column: number): Uint32Array {
  const order = features.map((row, i) => ({ v: row[column] as number, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const rank = new Uint32Array(features.length);
  order.forEach((entry, r) => {
    rank[entry.i] = r;
  });
  return rank;
}

/** Each candidate's features read from the article alone, in the order of ARTICLE_FEATURES. */
export function sentenceFeatures(input: FeatureInput): number[][] {
  const n = input.candidates.length;
  return input.candidates.map((candidate, i) => {
    const sentence = input.sentences[candidate.index] as ArticleSentence;
    const text = sentence.text;
    const { quoted, names } = quotedAndNamed(text);
    return [
      1,
      candidate.order === 0 ? 1 : 0,
      1 / (1 + candidate.order),
      n > 1 ? candidate.order / (n - 1) : 0,
      sentence.inParagraph === 0 ? 1 : 0,
      Math.min(candidate.words, 50) / 50,
      candidate.words < 8 ? 1 : 0,
      input.centrality[i] ?? 0,
      input.centroidLike[i] ?? 0,
      input.frequency[i] ?? 0,
      input.titleLike?.[i] ?? 0,
      quoted,
      names,
      /\d/u.test(text) ? 1 : 0,
      candidate.fragment ? 1 : 0,
    ];
  });
}
