import type { Budget, Quote, Summary } from '../model.js';
import { extractQuotes } from '../quotes/index.js';
import { analyzeArticle } from './article.js';
import { headlineFrom } from './headline.js';
import { extractKeywords } from './keywords.js';
import { rankQuotes } from './quote-rank.js';
import { DEFAULT_WEIGHTS, select, type RankWeights } from './rank.js';

export { detectLanguage } from './language.js';
export { headlineFrom } from './headline.js';
export { DEFAULT_WEIGHTS, type RankWeights } from './rank.js';

export interface SummarizeOptions {
  title?: string | null;
  budget?: Budget;
}

export const DEFAULT_BUDGET: Budget = { sentences: 3 };
const MAX_QUOTES = 8;

/** Extractive summary of one article: verbatim sentences in article order, its key quotes, keywords. */
export function summarize(text: string, options: SummarizeOptions = {}): Summary {
  return summarizeWith(text, options, DEFAULT_WEIGHTS);
}

/** `summarize` with explicit ranking weights (the benchmark compares settings through this door). */
export function summarizeWith(text: string, options: SummarizeOptions, weights: RankWeights): Summary {
  const givenTitle = options.title?.trim() ? options.title.trim() : null;
  const article = analyzeArticle(text, givenTitle, weights);
  const picked = select(article.candidates, article.scores, article.matrix, options.budget ?? DEFAULT_BUDGET, weights.lambda);
  const sentences = picked.map((i) => article.sentences[article.candidates[i]?.index ?? -1]?.text ?? '').filter((s) => s !== '');
  const content = article.candidates.map((c) => article.sentences[c.index]?.text ?? '');
  const lead = content[0] ?? article.sentences[0]?.text ?? '';
  // The quote finder reads the same paragraphs and sentences (a merged paragraph is one paragraph to both).
  const furniture = new Set<number>();
  let previousParagraph = -1;
  for (const sentence of article.sentences) {
    // A paragraph is furniture when its first sentence is ("Read more: …" taints the headline after it).
    if (sentence.paragraph !== previousParagraph && sentence.boilerplate) furniture.add(sentence.paragraph);
    previousParagraph = sentence.paragraph;
  }
  const layout = { paragraphs: article.paragraphs, sentences: article.sentences, furniture };
  const quotes: Quote[] = rankQuotes(article, extractQuotes(text, layout, article.language))
    .slice(0, MAX_QUOTES)
    .map((mention) => ({ text: mention.text, speaker: mention.speaker, cue: mention.cue }));
  return {
    title: givenTitle ?? headlineFrom(lead),
    language: article.language,
    sentences,
    quotes,
    keywords: extractKeywords({
      title: givenTitle,
      sentences: content,
      language: article.language,
      words: weights.stems ? undefined : { bags: article.bags, terms: article.vocabulary.terms, idOf: (word) => article.vocabulary.idOf(word) },
    }),
  };
}
