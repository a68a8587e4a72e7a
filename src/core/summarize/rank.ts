import type { Budget } from '../model.js';
import { pageRank } from './centrality.js';
import { cosine, type Vector } from './vectors.js';

// Sentence ranking: four signals, each scaled to [0, 1], mixed by weights, then picked with maximal
// marginal relevance so the summary does not say the same thing twice.
//   centrality — LexRank over TF-IDF cosine: what the article keeps coming back to;
//   position   — news puts the point first (the lede), so earlier sentences get a prior;
//   title      — likeness to the headline, when there is one;
//   centroid   — likeness to the article as a whole.

export interface RankedSentence {
  /** Index in article order among all sentences. */
  index: number;
  /** Index among the sentences that may be chosen (boilerplate excluded). */
  order: number;
  words: number;
  /** The sentence carries a direct quotation (quotes are shown on their own, beside the summary). */
  quoted: boolean;
  /** Part of a quotation that runs over several sentences (its marks do not pair up inside it). */
  fragment: boolean;
  vector: Vector;
}

export interface RankWeights {
  centrality: number;
  position: number;
  title: number;
  centroid: number;
  /** How fast the position prior falls: prior = 1 / (1 + order / positionScale). */
  positionScale: number;
  /** MMR trade-off: 1 = relevance only, 0 = novelty only. */
  lambda: number;
  /** Sentences shorter than this many words are scaled down in proportion. */
  shortSentence: number;
  /** Weight of sentence length (content words, scaled to the longest): longer sentences carry more facts. */
  length: number;
  /**
   * Edge weight of the centrality graph: 'cosine' (LexRank) or 'overlap' — TF-IDF mass the two sentences
   * share, over the log of their lengths (TextRank's normalization, which lets longer sentences, that
   * carry more of the story, weigh more).
   */
  graph: 'cosine' | 'overlap' | 'shared';
  /**
   * Share of relevance a sentence with a direct quotation gives up. A digest shows the key quotes
   * beside the summary, so the summary's room goes to the reported facts.
   */
  quotePenalty: number;
  /**
   * Share of relevance a piece of a multi-sentence quotation gives up: shown alone it opens a quote that
   * never closes (or closes one that never opened), and the key quote shows it whole anyway.
   */
  fragmentPenalty: number;
  /** Exponent on the in-article IDF of sentence vectors (see tfidfVector). */
  idfPower: number;
  /** 'pagerank' (LexRank's random walk) or 'degree' (sum of similarities). */
  centralityMode: 'pagerank' | 'degree';
  /**
   * Compare sentences by stems (true) or by word forms (false). Stems join "meeting" and "meet"; on
   * news the exact forms tie a story's sentences together more reliably (measured in bench/summary).
   */
  stems: boolean;
}

// Tuned on BBC News Summary (see bench/summary). Centrality carries most of the weight there; the lead
// prior and the title keep their say for the lede-first stories a feed mostly brings.
export const DEFAULT_WEIGHTS: RankWeights = {
  centrality: 1,
  position: 0.1,
  title: 0.05,
  centroid: 0,
  positionScale: 2,
  lambda: 0.9,
  shortSentence: 8,
  length: 0,
  graph: 'cosine',
  quotePenalty: 0,
  fragmentPenalty: 0.3,
  idfPower: 0.1,
  centralityMode: 'pagerank',
  stems: false,
};

/** Sentence-by-sentence weights: `matrix[i][j]`. */
export type Matrix = ArrayLike<number>[];

function rowSum(row: ArrayLike<number>): number {
  let sum = 0;
  for (let j = 0; j < row.length; j++) sum += row[j] as number;
  return sum;
}

function scaled(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((value) => value / max) : values.map(() => 0);
}

function overlapWeight(a: RankedSentence, b: RankedSentence, binary: boolean): number {
  const x = a.vector;
  const y = b.vector;
  if (x.ids.length < 2 || y.ids.length < 2) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < x.ids.length && j < y.ids.length; ) {
    const p = x.ids[i] as number;
    const q = y.ids[j] as number;
    if (p === q) {
      shared += binary ? 1 : Math.min(x.values[i] as number, y.values[j] as number);
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  return shared / (Math.log(x.ids.length) + Math.log(y.ids.length));
}

/** The centrality graph's edge weights, by the chosen measure. */
export function graphMatrix(sentences: RankedSentence[], cosineMatrix: Matrix, graph: RankWeights['graph']): Matrix {
  if (graph === 'cosine') return cosineMatrix;
  return sentences.map((a, i) => sentences.map((b, j) => (i === j ? 0 : overlapWeight(a, b, graph === 'shared'))));
}

/**
 * Cosine similarity of every pair of sentences. Dot products are summed term by term over postings
 * (which sentences hold each term) rather than by merging every pair of vectors: pairs that share no
 * term cost nothing, and each pair still adds its products in ascending term order, as `cosine` does.
 */
export function similarityMatrix(sentences: RankedSentence[]): Matrix {
  const n = sentences.length;
  const matrix: number[][] = [];
  for (let i = 0; i < n; i++) matrix.push(new Array<number>(n).fill(0));
  let terms = 0;
  for (const { vector } of sentences) {
    const last = vector.ids[vector.ids.length - 1];
    if (last !== undefined) terms = Math.max(terms, last + 1);
  }
  // Postings: for each term, the sentences that hold it (in order) and its weight there.
  const first: number[] = new Array<number>(terms + 1).fill(0);
  for (const { vector } of sentences) for (const id of vector.ids) first[id + 1] = (first[id + 1] as number) + 1;
  for (let t = 0; t < terms; t++) first[t + 1] = (first[t + 1] as number) + (first[t] as number);
  const fill = first.slice(0, terms);
  const holder: number[] = new Array<number>(first[terms] ?? 0).fill(0);
  const value: number[] = new Array<number>(first[terms] ?? 0).fill(0);
  sentences.forEach(({ vector }, i) => {
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k] as number;
      const at = fill[id] as number;
      fill[id] = at + 1;
      holder[at] = i;
      value[at] = vector.values[k] as number;
    }
  });
  // Sentences are listed in order under each term, so the sums go to the upper triangle (i < j).
  for (let t = 0; t < terms; t++) {
    const end = first[t + 1] as number;
    for (let p = first[t] as number; p < end; p++) {
      const row = matrix[holder[p] as number] as number[];
      const x = value[p] as number;
      for (let q = p + 1; q < end; q++) {
        const j = holder[q] as number;
        row[j] = (row[j] as number) + x * (value[q] as number);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const row = matrix[i] as number[];
    const a = (sentences[i] as RankedSentence).vector.norm;
    for (let j = i + 1; j < n; j++) {
      const dot = row[j] as number;
      if (dot === 0) continue;
      const similarity = dot / (a * (sentences[j] as RankedSentence).vector.norm);
      row[j] = similarity;
      (matrix[j] as number[])[i] = similarity;
    }
  }
  return matrix;
}

/** Relevance of each sentence (same order as `sentences`). */
export function relevance(
  sentences: RankedSentence[],
  matrix: Matrix,
  title: Vector | null,
  centroid: Vector,
  weights: RankWeights = DEFAULT_WEIGHTS,
): number[] {
  const graph = graphMatrix(sentences, matrix, weights.graph);
  const centrality = scaled(weights.centralityMode === 'pagerank' ? pageRank(graph) : graph.map(rowSum));
  // A signal with no weight is not computed: zero times it is zero either way.
  const none = sentences.map(() => 0);
  const titleLike = title && weights.title !== 0 ? scaled(sentences.map((s) => cosine(s.vector, title))) : none;
  const centroidLike = weights.centroid !== 0 ? scaled(sentences.map((s) => cosine(s.vector, centroid))) : none;
  const lengths = weights.length !== 0 ? scaled(sentences.map((s) => s.vector.ids.length)) : none;
  return sentences.map((sentence, i) => {
    const position = 1 / (1 + sentence.order / weights.positionScale);
    const mixed =
      weights.centrality * (centrality[i] ?? 0) +
      weights.position * position +
      weights.title * (titleLike[i] ?? 0) +
      weights.centroid * (centroidLike[i] ?? 0) +
      weights.length * (lengths[i] ?? 0);
    const quoted = (sentence.quoted ? 1 - weights.quotePenalty : 1) * (sentence.fragment ? 1 - weights.fragmentPenalty : 1);
    return mixed * quoted * Math.min(1, sentence.words / weights.shortSentence);
  });
}

/** Picks sentences by MMR within the budget; returns positions into `sentences`, in article order. */
export function select(
  sentences: RankedSentence[],
  scores: number[],
  matrix: Matrix,
  budget: Budget,
  lambda: number = DEFAULT_WEIGHTS.lambda,
): number[] {
  const chosen: number[] = [];
  const remaining = new Set(sentences.map((_, i) => i));
  const maxScore = Math.max(1e-9, ...scores);
  const limitSentences = 'sentences' in budget ? Math.max(1, Math.floor(budget.sentences)) : Infinity;
  const limitWords = 'words' in budget ? Math.max(1, budget.words) : Infinity;
  let usedWords = 0;
  while (chosen.length < limitSentences && remaining.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of remaining) {
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, matrix[i]?.[j] ?? 0);
      const value = lambda * ((scores[i] ?? 0) / maxScore) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    remaining.delete(best);
    const words = sentences[best]?.words ?? 0;
    if (usedWords + words > limitWords && chosen.length > 0) continue;
    chosen.push(best);
    usedWords += words;
    if (usedWords >= limitWords) break;
  }
  return chosen.sort((a, b) => (sentences[a]?.index ?? 0) - (sentences[b]?.index ?? 0));
}
