import type { Budget } from '../model.js';
import type { Vector } from './vectors.js';

// Sentence selection: the ranker scores each candidate (ranker.ts), then maximal marginal relevance
// picks within the budget, so the summary does not say the same thing twice.

export interface RankedSentence {
  /** Index in article order among all sentences. */
  index: number;
  /** Index among the sentences that may be chosen (boilerplate excluded). */
  order: number;
  words: number;
  /** Part of a quotation that runs over several sentences (its marks do not pair up inside it). */
  fragment: boolean;
  vector: Vector;
}

/** How sentences are turned into vectors. */
export interface VectorSettings {
  /** Exponent on the in-article IDF of sentence vectors (see tfidfVector). */
  idfPower: number;
  /**
   * Compare sentences by stems (true) or by word forms (false). Stems join "meeting" and "meet"; on
   * news the exact forms tie a story's sentences together more reliably (measured in bench/summary).
   */
  stems: boolean;
}

export const VECTOR_SETTINGS: VectorSettings = { idfPower: 0.1, stems: false };

/** Sentence-by-sentence weights: `matrix[i][j]`. */
export type Matrix = ArrayLike<number>[];

/** Values over their maximum (all zero when none is positive). */
export function scaled(values: readonly number[]): number[] {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  return max > 0 ? values.map((value) => value / max) : values.map(() => 0);
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

/** Picks sentences by MMR within the budget; returns positions into `sentences`, in article order. */
export function select(
  sentences: RankedSentence[],
  scores: number[],
  matrix: Matrix,
  budget: Budget,
  lambda: number,
): number[] {
  const chosen: number[] = [];
  const remaining = new Set(sentences.map((_, i) => i));
  // Scores on any scale (the ranker's are linear) are brought to [0, 1] before they meet similarities.
  let maxScore = -Infinity;
  let minScore = Infinity;
  for (const score of scores) {
    if (score > maxScore) maxScore = score;
    if (score < minScore) minScore = score;
  }
  const range = Math.max(1e-9, maxScore - minScore);
  const limitSentences = 'sentences' in budget ? Math.max(1, Math.floor(budget.sentences)) : Infinity;
  const limitWords = 'words' in budget ? Math.max(1, budget.words) : Infinity;
  let usedWords = 0;
  while (chosen.length < limitSentences && remaining.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of remaining) {
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, matrix[i]?.[j] ?? 0);
      const value = lambda * (((scores[i] ?? minScore) - minScore) / range) - (1 - lambda) * redundancy;
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
