import type { Budget } from '../model.js';
import { splitWithBoilerplate, wordsIn, type ArticleSentence } from '../text/layout.js';
import type { Span } from '../text/spans.js';
import { joinBrokenLines } from '../text/wraps.js';
import { contentStems, contentTerms, scanWords, type ScannedWords } from '../text/tokens.js';
import { pageRank } from './centrality.js';
import { budgetScores, sentenceFeatures } from './features.js';
import { articleLanguage } from './language.js';
import { similarityMatrix, scaled, VECTOR_SETTINGS, type Matrix, type RankedSentence } from './rank.js';
import { DEFAULT_RANKER, type Ranker } from './ranker.js';
import { cosine, sumVectors, tfidfVector, Vocabulary, type Vector } from './vectors.js';

// One pass over an article that everything else reads: its sentences, which of them are furniture,
// its language, and each candidate sentence's TF-IDF vector, features and score.

/**
 * At most this many sentences are candidates for the summary (the first ones, furniture aside): the
 * similarity graph grows with the square of their number, and a summary's sentences come from the
 * first few hundred of any real article.
 */
export const MAX_CANDIDATES = 300;

export interface AnalyzedArticle {
  text: string;
  paragraphs: Span[];
  language: string;
  sentences: ArticleSentence[];
  /** Sentences that may be chosen, with vectors; `index` points into `sentences`. */
  candidates: RankedSentence[];
  /** The content terms (word forms or stems, as the settings say) of the candidates, numbered. */
  vocabulary: Vocabulary;
  /** Each candidate's term ids, in candidate order and in the order the terms occur. */
  bags: number[][];
  /** Each candidate's features read from the article alone (see features.ts), in candidate order. */
  features: number[][];
  matrix: Matrix;
  centroid: Vector;
  /** The TF-IDF vector of any text (a quote, the title) over the article's terms; a scanned text is not scanned again. */
  vectorOf(text: string | ScannedWords): Vector;
}

/** True when the sentence's double quotation marks do not pair up: it is a piece of a longer quotation. */
function unpairedQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opening = (text.match(/[“«„]/g) ?? []).length;
  const closing = (text.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || opening !== closing;
}

/** Each bag's sum of its terms' counts over all bags (Luhn's frequency score, before scaling). */
function frequencyScores(bags: readonly (readonly number[])[], terms: number): number[] {
  const counts = new Array<number>(terms).fill(0);
  for (const bag of bags) for (const id of bag) counts[id] = (counts[id] as number) + 1;
  return bags.map((bag) => {
    let sum = 0;
    for (const id of bag) sum += counts[id] as number;
    return sum;
  });
}

export function analyzeArticle(pasted: string, title: string | null): AnalyzedArticle {
  const { idfPower, stems } = VECTOR_SETTINGS;
  // Sentences, quotes and headlines are all read from the text with its broken lines joined.
  const text = joinBrokenLines(pasted);
  const { sentences, paragraphs } = splitWithBoilerplate(text);
  // Each sentence's words are found once, for the language and for the sentence's terms.
  const scans = sentences.map((s) => scanWords(s.text));
  const language = articleLanguage(title, text, sentences, scans);
  const vocabulary = new Vocabulary();
  // Every candidate's terms are counted before any vector is made: the IDF needs them all.
  const chosen: number[] = [];
  const bags: number[][] = [];
  for (let index = 0; index < sentences.length && chosen.length < MAX_CANDIDATES; index++) {
    if ((sentences[index] as ArticleSentence).boilerplate) continue;
    chosen.push(index);
    bags.push(vocabulary.addDocument(contentTerms(scans[index] as ScannedWords, language, stems)));
  }
  const vectorOf = (part: string | ScannedWords): Vector =>
    tfidfVector(
      (typeof part === 'string' ? contentStems(part, language, stems) : contentTerms(part, language, stems)).map((term) => vocabulary.idOf(term)),
      vocabulary,
      idfPower,
    );
  const candidates: RankedSentence[] = chosen.map((index, order) => {
    const s = sentences[index] as ArticleSentence;
    const vector = tfidfVector(bags[order] ?? [], vocabulary, idfPower);
    return { index, order, words: wordsIn(s.text), fragment: /["“”«»„]/u.test(s.text) && unpairedQuote(s.text), vector };
  });
  const matrix = similarityMatrix(candidates);
  const centroid = sumVectors(candidates.map((c) => c.vector));
  const titleVector = title ? vectorOf(title) : null;
  const features = sentenceFeatures({
    sentences,
    candidates,
    centrality: scaled(pageRank(matrix)),
    centroidLike: scaled(candidates.map((c) => cosine(c.vector, centroid))),
    frequency: scaled(frequencyScores(bags, vocabulary.terms.length)),
    titleLike: titleVector && titleVector.norm > 0 ? scaled(candidates.map((c) => cosine(c.vector, titleVector))) : null,
  });
  return { text, paragraphs, language, sentences, candidates, vocabulary, bags, features, matrix, centroid, vectorOf };
}

/** How much of the article a budget keeps: chosen sentences (or words) over the candidates'. */
export function budgetShare(article: AnalyzedArticle, budget: Budget): number {
  const n = article.candidates.length;
  if (n === 0) return 1;
  if ('sentences' in budget) return Math.min(1, budget.sentences / n);
  let words = 0;
  for (const c of article.candidates) words += c.words;
  return words === 0 ? 1 : Math.min(1, budget.words / words);
}

/** The ranker's score of each candidate for this budget. */
export function scoresFor(article: AnalyzedArticle, budget: Budget, ranker: Ranker = DEFAULT_RANKER): number[] {
  return budgetScores(article.features, budgetShare(article, budget), ranker.weights);
}
