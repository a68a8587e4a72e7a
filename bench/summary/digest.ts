// What a reader of the digest gets for each article, as ingestion and the digest builder make it: the
// stored summary cut to the digest's word budget, one key quote, a headline. Counted: lengths (median,
// 95th percentile, longest, in words), empty summaries, headlines that are no headline ("By "), key
// quotes that join separate quotations with no mark of the cut or are not the article's words, and key
// quotes that repeat the summary.
import { ENTRY_WORDS, QUOTE_WORDS, keyQuote, entrySummary, wordsIn } from '../../src/core/digest/entry.js';
import { summarize } from '../../src/core/summarize/index.js';
import { dropBoilerplateLines } from '../../src/core/text/clean.js';
import { words } from '../../src/core/text/tokens.js';

export interface Lengths {
  median: number;
  p95: number;
  max: number;
}

export interface DigestStats {
  articles: number;
  summaryWords: Lengths;
  withinBudget: number;
  quoteWords: Lengths;
  quotes: number;
  quotesOverLimit: number;
  emptySummaries: number;
  badHeadlines: number;
  unmarkedJoins: number;
  quotesRepeatingSummary: number;
}

function lengths(values: number[]): Lengths {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

const flat = (text: string): string => words(text).join(' ');

export function digestStats(articles: { body: string; title: string | null }[]): DigestStats {
  const summaryWords: number[] = [];
  const quoteWords: number[] = [];
  let empty = 0;
  let badHeadlines = 0;
  let unmarked = 0;
  let repeating = 0;
  for (const article of articles) {
    const text = dropBoilerplateLines(article.body);
    const s = summarize(text, { title: article.title });
    const summary = entrySummary(s.sentences, s.title, ENTRY_WORDS);
    const quote = keyQuote(s.quotes, summary);
    summaryWords.push(wordsIn(summary.join(' ')));
    if (summary.length === 0) empty++;
    if (/^by\b/iu.test(s.title) || wordsIn(s.title) < 3) badHeadlines++;
    if (!quote) continue;
    quoteWords.push(wordsIn(quote.text.replace(/…/gu, ' ')));
    // Every stretch between two marks of a cut must be the article's own words, in one run.
    const source = ` ${flat(text)} `;
    if (quote.text.split('…').some((piece) => flat(piece) !== '' && !source.includes(` ${flat(piece)} `))) unmarked++;
    const said = new Set(words(summary.join(' ')));
    const own = words(quote.text).filter((w) => w.length > 3);
    if (own.length > 0 && own.filter((w) => said.has(w)).length / own.length >= 0.8) repeating++;
  }
  return {
    articles: articles.length,
    summaryWords: lengths(summaryWords),
    withinBudget: summaryWords.filter((n) => n <= ENTRY_WORDS).length / Math.max(1, summaryWords.length),
    quoteWords: lengths(quoteWords),
    quotes: quoteWords.length,
    quotesOverLimit: quoteWords.filter((n) => n > QUOTE_WORDS).length,
    emptySummaries: empty,
    badHeadlines,
    unmarkedJoins: unmarked,
    quotesRepeatingSummary: repeating,
  };
}
