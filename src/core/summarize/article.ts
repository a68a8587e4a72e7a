import { isBoilerplate } from '../text/boilerplate.js';
import { paragraphSentences } from '../text/sentences.js';
import type { Span } from '../text/spans.js';
import { contentStems, words } from '../text/tokens.js';
import { detectLanguage } from './language.js';
import { DEFAULT_WEIGHTS, relevance, similarityMatrix, type RankWeights, type RankedSentence } from './rank.js';
import { documentFrequencies, norm, sumVectors, tfidfVector, type Vector } from './vectors.js';

// One pass over an article that everything else reads: its sentences, which of them are boilerplate,
// its language, and each candidate sentence's TF-IDF vector and relevance.

export interface ArticleSentence extends Span {
  paragraph: number;
  boilerplate: boolean;
}

export interface AnalyzedArticle {
  text: string;
  language: string;
  sentences: ArticleSentence[];
  /** Sentences that may be chosen, with vectors; `index` points into `sentences`. */
  candidates: RankedSentence[];
  scores: number[];
  matrix: number[][];
  centroid: Vector;
  vectorOf(text: string): Vector;
}

/** Paragraph-level furniture ("Read more: …" with a headline after it) taints every sentence in it. */
function splitWithBoilerplate(text: string): ArticleSentence[] {
  const result: ArticleSentence[] = [];
  paragraphSentences(text).forEach((paragraph, p) => {
    const first = paragraph[0];
    const whole = first ? isBoilerplate(first.text) : false;
    for (const span of paragraph) result.push({ ...span, paragraph: p, boilerplate: whole || isBoilerplate(span.text) });
  });
  return result;
}

export function analyzeArticle(text: string, title: string | null, weights: RankWeights = DEFAULT_WEIGHTS): AnalyzedArticle {
  const sentences = splitWithBoilerplate(text);
  const language = detectLanguage(`${title ?? ''}\n${text}`);
  const chosen = sentences.map((s, index) => ({ s, index })).filter(({ s }) => !s.boilerplate);
  const bags = chosen.map(({ s }) => contentStems(s.text, language, weights.stems));
  const df = documentFrequencies(bags);
  const documents = bags.length;
  const vectorOf = (part: string): Vector => tfidfVector(contentStems(part, language, weights.stems), df, documents, weights.idfPower);
  const candidates: RankedSentence[] = chosen.map(({ s, index }, order) => {
    const vector = tfidfVector(bags[order] ?? [], df, documents, weights.idfPower);
    const quoted = /["“”«»„]|''/u.test(s.text);
    return { index, order, words: words(s.text).length, quoted, vector, norm: norm(vector) };
  });
  const matrix = similarityMatrix(candidates);
  const centroid = sumVectors(candidates.map((c) => c.vector));
  const titleVector = title ? vectorOf(title) : null;
  const scores = relevance(candidates, matrix, titleVector && titleVector.size > 0 ? titleVector : null, centroid, weights);
  return { text, language, sentences, candidates, scores, matrix, centroid, vectorOf };
}
