import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import PorterStemmerDe from 'natural/lib/natural/stemmers/porter_stemmer_de';
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es';
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr';
import PorterStemmerIt from 'natural/lib/natural/stemmers/porter_stemmer_it';
import PorterStemmerNl from 'natural/lib/natural/stemmers/porter_stemmer_nl';
import PorterStemmerNo from 'natural/lib/natural/stemmers/porter_stemmer_no';
import PorterStemmerPt from 'natural/lib/natural/stemmers/porter_stemmer_pt';
import PorterStemmerRu from 'natural/lib/natural/stemmers/porter_stemmer_ru';
import PorterStemmerSv from 'natural/lib/natural/stemmers/porter_stemmer_sv';
import PorterStemmerUk from 'natural/lib/natural/stemmers/porter_stemmer_uk';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';
import { words as stopwordsEs } from 'natural/lib/natural/util/stopwords_es';
import { words as stopwordsFa } from 'natural/lib/natural/util/stopwords_fa';
import { words as stopwordsFr } from 'natural/lib/natural/util/stopwords_fr';
import { words as stopwordsIt } from 'natural/lib/natural/util/stopwords_it';
import { words as stopwordsNl } from 'natural/lib/natural/util/stopwords_nl';
import { words as stopwordsNo } from 'natural/lib/natural/util/stopwords_no';
import { words as stopwordsPl } from 'natural/lib/natural/util/stopwords_pl';
import { words as stopwordsPt } from 'natural/lib/natural/util/stopwords_pt';
import { words as stopwordsRu } from 'natural/lib/natural/util/stopwords_ru';
import { words as stopwordsSv } from 'natural/lib/natural/util/stopwords_sv';
import { words as stopwordsUk } from 'natural/lib/natural/util/stopwords_uk';
import { WordCursor, WordTags } from './scan.js';
import { ownCopy } from './spans.js';

// Words and stems for ranking and matching. Words go through natural's Porter stemmer for their language
// (English and ten others); other languages are cut to a fixed prefix, which groups inflected forms well
// enough for similarity.

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

/** natural's stopword lists of other languages, by ISO 639-1 code: their words are never keywords. */
const OTHER_STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({ es: stopwordsEs, fa: stopwordsFa, fr: stopwordsFr, it: stopwordsIt, nl: stopwordsNl, no: stopwordsNo, pl: stopwordsPl, pt: stopwordsPt, ru: stopwordsRu, sv: stopwordsSv, uk: stopwordsUk }).map(([code, list]) => [code, new Set(list)]),
);

/** Whether a lower-case word is too common to be a keyword in this language (English words always are). */
export function isStopword(word: string, language: string): boolean {
  return STOPWORDS.has(word) || (OTHER_STOPWORDS[language]?.has(word) ?? false);
}

/** natural's stemmers by ISO 639-1 code. */
const STEMMERS: Readonly<Record<string, { stem(word: string): string }>> = { en: PorterStemmer, de: PorterStemmerDe, es: PorterStemmerEs, fr: PorterStemmerFr, it: PorterStemmerIt, nl: PorterStemmerNl, no: PorterStemmerNo, pt: PorterStemmerPt, ru: PorterStemmerRu, sv: PorterStemmerSv, uk: PorterStemmerUk };

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** The stem of one lower-case word. */
export function stem(word: string, language = 'en'): string {
  const key = language === 'en' ? word : `${language}:${word}`;
  const cached = stemCache.get(key);
  if (cached !== undefined) return cached;
  const base = language === 'en' && (word.endsWith("'s") || word.endsWith('’s')) ? word.slice(0, -2) : word;
  const stemmer = STEMMERS[language];
  const result = stemmer ? stemmer.stem(base) : base.slice(0, 6);
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
