import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';
import { WordCursor, WordTags } from './scan.js';
import { ownCopy } from './spans.js';

// Words and stems for ranking and matching. English words go through natural's Porter stemmer; other
// languages are cut to a fixed prefix, which groups inflected forms well enough for similarity.

const EXTRA_STOPWORDS = [
  'says', 'say', 'told', 'tell', 'mr', 'mrs', 'ms', 'dr', 'also', 'would', 'could', 'will', 'shall', 'may', 'one',
  'two', 'three', 'four', 'five', 'first', 'last', 'year', 'years', 'new', 'just', 'even', 'yet', 'however', 'although',
  'though', 'according', 'per', 'cent', 'percent', 'via', 'within', 'without', 'upon', 'among', 'amid', 'us', 'let',
  'don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'won', 'can', 've', 'll', 're', 'ago', 'week', 'weeks', 'day', 'days',
  'time', 'times', 'way', 'lot', 'thing', 'things', 'something', 'anything', 'nothing', 'everything', 'people',
  'going', 'get', 'gets', 'got', 'made', 'makes', 'went', 'go', 'goes', 'want', 'wants', 'know', 'think', 'see',
  'seen', 'told', 'yesterday', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'around', 'whether', 'another', 'across', 'along', 'back', 'next', 'whose', 'every', 'least',
  'able', 'including', 'added', 'noted', 'stated', 'earlier', 'later', 'recently', 'already', 'now', 'well', 'said',
];

/** Words too common to be keywords. */
export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, ...EXTRA_STOPWORDS]);

/**
 * Words left out of sentence similarity: natural's list only. Reporting verbs and everyday nouns
 * ("said", "year", "people") still tie the sentences of one story together, so ranking keeps them.
 */
const RANKING_STOPWORDS: ReadonlySet<string> = new Set(naturalStopwords);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-case word tokens (letters and digits; inner apostrophes kept: "don't", "o'brien"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** The stem of one lower-case word. */
export function stem(word: string, language = 'en'): string {
  const key = language === 'en' ? word : `${language}:${word}`;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  const base = word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word;
  const result = language === 'en' ? PorterStemmer.stem(base) : base.slice(0, 6);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(ownCopy(key), result);
  return result;
}

/** The number of words `words` would give, without making them. */
export function wordCount(text: string): number {
  const cursor = new WordCursor(text.toLowerCase());
  let count = 0;
  while (cursor.next()) count++;
  return count;
}

/** Tags `scanWords` gives each word: natural's stopword (left out of ranking), any stopword, ASCII digits only. */
export const RANKING_STOPWORD = 1;
export const STOPWORD = 2;
export const DIGITS = 4;

// Every stopword is an a–z word or a single character (which is never a word long enough to count).
const WORD_TAGS = new WordTags([
  [RANKING_STOPWORDS, RANKING_STOPWORD],
  [STOPWORDS, STOPWORD],
]);

/** The stopword tags of lower.slice(start, end), which must be lower-case. */
export function stopwordTags(lower: string, start: number, end: number): number {
  return WORD_TAGS.tagsOf(lower, start, end);
}

/** A text's words as offsets into its lower-case form: the words of `words`, without making strings. */
export interface ScannedWords {
  lower: string;
  /** Start and end (in `lower`) and tags of each word, in order: three numbers a word. */
  words: number[];
}

/** How many words a scan found. */
export const scannedCount = (scanned: ScannedWords): number => scanned.words.length / 3;

export function scanWords(text: string): ScannedWords {
  const lower = text.toLowerCase();
  const words: number[] = [];
  const cursor = new WordCursor(lower, WORD_TAGS);
  while (cursor.next()) words.push(cursor.start, cursor.end, cursor.tags | (cursor.digits ? DIGITS : 0));
  return { lower, words };
}

/**
 * The words that carry meaning (no stopwords, no bare numbers, no one-letter tokens), stemmed unless
 * `stemmed` is false, in which case they stay lower-case word forms.
 */
export function contentStems(text: string, language = 'en', stemmed = true): string[] {
  return contentTerms(scanWords(text), language, stemmed);
}

/** `contentStems` of a scanned text. Most words are dropped by their tags; only the kept ones become strings. */
export function contentTerms({ lower, words }: ScannedWords, language = 'en', stemmed = true): string[] {
  const result: string[] = [];
  const minimum = language === 'en' ? 2 : 3;
  for (let k = 0; k < words.length; k += 3) {
    const start = words[k] as number;
    const end = words[k + 1] as number;
    if (end - start < minimum || ((words[k + 2] as number) & (RANKING_STOPWORD | DIGITS)) !== 0) continue;
    const word = lower.slice(start, end);
    result.push(stemmed ? stem(word, language) : word);
  }
  return result;
}
