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
  vector: Vector;
  norm: number;
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
}

export const DEFAULT_WEIGHTS: RankWeights = {
  centrality: 0.3,
  position: 0.5,
  title: 0.3,
  centroid: 0.3,
  positionScale: 2,
  lambda: 0.7,
  shortSentence: 8,
};

function scaled(values: number[]): number[] {
  const max = Math.max(0, ...values);
  return max > 0 ? values.map((value) => value / max) : values.map(() => 0);
}

export function similarityMatrix(sentences: RankedSentence[]): number[][] {
  const n = sentences.length;
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const a = sentences[i];
    if (!a) continue;
    for (let j = i + 1; j < n; j++) {
      const b = sentences[j];
      if (!b) continue;
      const value = cosine(a.vector, b.vector, a.norm, b.norm);
      (matrix[i] as number[])[j] = value;
      (matrix[j] as number[])[i] = value;
    }
  }
  return matrix;
}

/** Relevance of each sentence (same order as `sentences`). */
export function relevance(
  sentences: RankedSentence[],
  matrix: number[][],
  title: Vector | null,
  centroid: Vector,
  weights: RankWeights = DEFAULT_WEIGHTS,
): number[] {
  const centrality = scaled(pageRank(matrix));
  const titleNorm = title ? Math.sqrt([...title.values()].reduce((s, v) => s + v * v, 0)) : 0;
  const centroidNorm = Math.sqrt([...centroid.values()].reduce((s, v) => s + v * v, 0));
  const titleLike = scaled(sentences.map((s) => (title ? cosine(s.vector, title, s.norm, titleNorm) : 0)));
  const centroidLike = scaled(sentences.map((s) => cosine(s.vector, centroid, s.norm, centroidNorm)));
  return sentences.map((sentence, i) => {
    const position = 1 / (1 + sentence.order / weights.positionScale);
    const mixed =
      weights.centrality * (centrality[i] ?? 0) +
      weights.position * position +
      weights.title * (titleLike[i] ?? 0) +
      weights.centroid * (centroidLike[i] ?? 0);
    return mixed * Math.min(1, sentence.words / weights.shortSentence);
  });
}

/** Picks sentences by MMR within the budget; returns positions into `sentences`, in article order. */
export function select(
  sentences: RankedSentence[],
  scores: number[],
  matrix: number[][],
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
