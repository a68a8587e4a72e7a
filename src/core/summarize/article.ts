import { isBoilerplate } from '../text/boilerplate.js';
import { paragraphSentences } from '../text/sentences.js';
import type { Span } from '../text/spans.js';
import { contentStems } from '../text/tokens.js';
import { detectLanguage } from './language.js';
import { DEFAULT_WEIGHTS, relevance, similarityMatrix, type RankWeights, type RankedSentence } from './rank.js';
import { sumVectors, tfidfVector, Vocabulary, type Vector } from './vectors.js';

// One pass over an article that everything else reads: its sentences, which of them are boilerplate,
// its language, and each candidate sentence's TF-IDF vector and relevance.

export interface ArticleSentence extends Span {
  paragraph: number;
  boilerplate: boolean;
}

export interface AnalyzedArticle {
  text: string;
  paragraphs: Span[];
  language: string;
  sentences: ArticleSentence[];
  /** Sentences that may be chosen, with vectors; `index` points into `sentences`. */
  candidates: RankedSentence[];
  /** Each candidate's content terms (word forms or stems, as the weights say), in candidate order. */
  terms: string[][];
  scores: number[];
  matrix: number[][];
  centroid: Vector;
  vectorOf(text: string): Vector;
}

/** Paragraph-level furniture ("Read more: …" with a headline after it) taints every sentence in it. */
function splitWithBoilerplate(text: string): { sentences: ArticleSentence[]; paragraphs: Span[] } {
  const sentences: ArticleSentence[] = [];
  const paragraphs: Span[] = [];
  paragraphSentences(text).forEach((paragraph, p) => {
    const first = paragraph[0];
    const last = paragraph.at(-1);
    if (first && last) paragraphs.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end) });
    const whole = first ? isBoilerplate(first.text) : false;
    for (const span of paragraph) sentences.push({ ...span, paragraph: p, boilerplate: whole || isBoilerplate(span.text) });
  });
  return { sentences, paragraphs };
}

/** True when the sentence's double quotation marks do not pair up: it is a piece of a longer quotation. */
function unpairedQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/[“«„]/g) ?? []).length;
  const closing = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || opening !== closing;
}

/** A cheap word count (spaces), for length limits and budgets. */
function wordCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 && text.charCodeAt(i - 1) !== 32) count++;
  return count;
}

export function analyzeArticle(text: string, title: string | null, weights: RankWeights = DEFAULT_WEIGHTS): AnalyzedArticle {
  const { sentences, paragraphs } = splitWithBoilerplate(text);
  const language = detectLanguage(`${title ?? ''}\n${text}`);
  const chosen = sentences.map((s, index) => ({ s, index })).filter(({ s }) => !s.boilerplate);
  const vocabulary = new Vocabulary();
  const terms = chosen.map(({ s }) => contentStems(s.text, language, weights.stems));
  const bags = terms.map((list) => vocabulary.addDocument(list));
  const vectorOf = (part: string): Vector =>
    tfidfVector(contentStems(part, language, weights.stems).map((term) => vocabulary.idOf(term)), vocabulary, weights.idfPower);
  const candidates: RankedSentence[] = chosen.map(({ s, index }, order) => {
    const vector = tfidfVector(bags[order] ?? [], vocabulary, weights.idfPower);
    const quoted = /["“”«»„]|''/u.test(s.text);
    return { index, order, words: wordCount(s.text), quoted, fragment: quoted && unpairedQuote(s.text), vector };
  });
  const matrix = similarityMatrix(candidates);
  const centroid = sumVectors(candidates.map((c) => c.vector));
  const titleVector = title ? vectorOf(title) : null;
  const scores = relevance(candidates, matrix, titleVector && titleVector.norm > 0 ? titleVector : null, centroid, weights);
  return { text, paragraphs, language, sentences, candidates, terms, scores, matrix, centroid, vectorOf };
}
