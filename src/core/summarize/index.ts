import type { Budget, Quote, Summary } from '../model.js';
import { extractQuotes, layoutOf, type QuoteMention } from '../quotes/index.js';
import { analyzeArticle, scoresFor, type AnalyzedArticle } from './article.js';
import { headlineFrom } from './headline.js';
import { extractKeywords } from './keywords.js';
import { rankQuotes } from './quote-rank.js';
import { select, VECTOR_SETTINGS } from './rank.js';
import { DEFAULT_RANKER, type Ranker } from './ranker.js';
import { readablePart } from './bounds.js';

export { detectLanguage } from './language.js';
export { headlineFrom } from './headline.js';
export { DEFAULT_RANKER, type Ranker } from './ranker.js';
export { MAX_TEXT_CHARS } from './bounds.js';

export interface SummarizeOptions {
  title?: string | null;
  budget?: Budget;
  /** 'key' (the default): the most important quotes, at most MAX_QUOTES; 'all': every direct quote. */
  quotes?: 'key' | 'all';
}

export const DEFAULT_BUDGET: Budget = { sentences: 3 };
/** How many quotes a summary keeps unless every quote is asked for. */
export const MAX_QUOTES = 8;

/** Extractive summary of one article: verbatim sentences in article order, its quotes, keywords. */
export function summarize(text: string, options: SummarizeOptions = {}): Summary {
  return summarizeWith(text, options, DEFAULT_RANKER);
}

/**
 * `summarize` with an explicit ranker (the benchmark and the training script compare rankers through
 * this door). The work is bounded: only the first MAX_TEXT_CHARS of the text are read.
 */
/** An article's direct quotes as found (with their parts), most important first: what `quotes: 'all'` returns. */
export function quoteMentions(text: string, title: string | null = null): QuoteMention[] {
  return rankedQuotes(analyzeArticle(readablePart(text), title));
}

function rankedQuotes(article: AnalyzedArticle): QuoteMention[] {
  // The quote finder reads the same paragraphs, sentences and furniture as the ranker.
  return rankQuotes(article, extractQuotes(article.text, layoutOf(article.paragraphs, article.sentences), article.language));
}

export function summarizeWith(fullText: string, options: SummarizeOptions, ranker: Ranker): Summary {
  const givenTitle = options.title?.trim() ? options.title.trim() : null;
  const text = readablePart(fullText);
  const article = analyzeArticle(text, givenTitle);
  const budget = options.budget ?? DEFAULT_BUDGET;
  const picked = select(article.candidates, scoresFor(article, budget, ranker), article.matrix, budget, ranker.lambda);
  const sentences = picked.map((i) => article.sentences[article.candidates[i]?.index ?? -1]?.text ?? '').filter((s) => s !== '');
  const content = article.candidates.map((c) => article.sentences[c.index]?.text ?? '');
  const lead = content[0] ?? '';
  const ranked = rankedQuotes(article);
  const quotes: Quote[] = (options.quotes === 'all' ? ranked : ranked.slice(0, MAX_QUOTES)).map((mention) => ({
    text: mention.text,
    speaker: mention.speaker,
    cue: mention.cue,
  }));
  return {
    title: givenTitle ?? headlineFrom(lead),
    language: article.language,
    sentences,
    quotes,
    keywords: extractKeywords({
      title: givenTitle,
      sentences: content,
      language: article.language,
      words: VECTOR_SETTINGS.stems ? undefined : { bags: article.bags, terms: article.vocabulary.terms, idOf: (word) => article.vocabulary.idOf(word) },
    }),
    ...(text.length < fullText.length ? { truncated: { read: text.length, total: fullText.length } } : {}),
  };
}
