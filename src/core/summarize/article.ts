import { isBoilerplate } from '../text/boilerplate.js';
import { paragraphSentences } from '../text/sentences.js';
import type { Span } from '../text/spans.js';
import { contentStems, contentTerms, scanWords, type ScannedWords } from '../text/tokens.js';
import { articleLanguage } from './language.js';
import { DEFAULT_WEIGHTS, relevance, similarityMatrix, type Matrix, type RankWeights, type RankedSentence } from './rank.js';
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
  /** The content terms (word forms or stems, as the weights say) of the candidates, numbered. */
  vocabulary: Vocabulary;
  /** Each candidate's term ids, in candidate order and in the order the terms occur. */
  bags: number[][];
  scores: number[];
  matrix: Matrix;
  centroid: Vector;
  /** The TF-IDF vector of any text (a quote, the title) over the article's terms; a scanned text is not scanned again. */
  vectorOf(text: string | ScannedWords): Vector;
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
    paragraph.forEach((span, i) => {
      const boilerplate = whole || (i > 0 && isBoilerplate(span.text));
      sentences.push({ start: span.start, end: span.end, text: span.text, paragraph: p, boilerplate });
    });
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
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (text.charCodeAt(i - 1) !== 32) count++;
  return count;
}

export function analyzeArticle(text: string, title: string | null, weights: RankWeights = DEFAULT_WEIGHTS): AnalyzedArticle {
  const { sentences, paragraphs } = splitWithBoilerplate(text);
  // Each sentence's words are found once, for the language and for the sentence's terms.
  const scans = sentences.map((s) => scanWords(s.text));
  const language = articleLanguage(title, text, sentences, scans);
  const vocabulary = new Vocabulary();
  // Every sentence's terms are counted before any vector is made: the IDF needs them all.
  const chosen: number[] = [];
  const bags: number[][] = [];
  sentences.forEach((s, index) => {
    if (s.boilerplate) return;
    chosen.push(index);
    bags.push(vocabulary.addDocument(contentTerms(scans[index] as ScannedWords, language, weights.stems)));
  });
  const vectorOf = (part: string | ScannedWords): Vector =>
    tfidfVector(
      (typeof part === 'string' ? contentStems(part, language, weights.stems) : contentTerms(part, language, weights.stems)).map((term) => vocabulary.idOf(term)),
      vocabulary,
      weights.idfPower,
    );
  const candidates: RankedSentence[] = chosen.map((index, order) => {
    const s = sentences[index] as ArticleSentence;
    const vector = tfidfVector(bags[order] ?? [], vocabulary, weights.idfPower);
    const quoted = /["“”«»„]|''/u.test(s.text);
    return { index, order, words: wordCount(s.text), quoted, fragment: quoted && unpairedQuote(s.text), vector };
  });
  const matrix = similarityMatrix(candidates);
  const centroid = sumVectors(candidates.map((c) => c.vector));
  const titleVector = title ? vectorOf(title) : null;
  const scores = relevance(candidates, matrix, titleVector && titleVector.norm > 0 ? titleVector : null, centroid, weights);
  return { text, paragraphs, language, sentences, candidates, vocabulary, bags, scores, matrix, centroid, vectorOf };
}
