import { franc } from 'franc-min';
import type { Span } from '../text/spans.js';
import { scanWords, STOPWORD, stopwordTags, type ScannedWords, scannedCount } from '../text/tokens.js';

// ISO 639-3 (what franc reports) to ISO 639-1 (what Tidings stores), for the languages franc-min knows
// that have a two-letter code.
const TWO_LETTER: Record<string, string> = {
  eng: 'en', ukr: 'uk', rus: 'ru', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', nld: 'nl', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', bul: 'bg', srp: 'sr', hrv: 'hr', bos: 'bs', slv: 'sl', bel: 'be',
  swe: 'sv', nob: 'nb', nno: 'nn', dan: 'da', fin: 'fi', ell: 'el', tur: 'tr', arb: 'ar', pes: 'fa', heb: 'he',
  hin: 'hi', ben: 'bn', urd: 'ur', cmn: 'zh', jpn: 'ja', kor: 'ko', vie: 'vi', tha: 'th', ind: 'id', zlm: 'ms',
  tgl: 'tl', swh: 'sw', kaz: 'kk', uzn: 'uz', azj: 'az', lit: 'lt', lav: 'lv', ekk: 'et', kat: 'ka', hye: 'hy',
  cat: 'ca', glg: 'gl', eus: 'eu', afr: 'af', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml',
  pan: 'pa', npi: 'ne', sin: 'si', mya: 'my', khm: 'km', amh: 'am', hau: 'ha', yor: 'yo', ibo: 'ig', zul: 'zu',
  xho: 'xh', som: 'so', mkd: 'mk', als: 'sq', tat: 'tt', tuk: 'tk', kir: 'ky', tgk: 'tg', mon: 'mn', pbu: 'ps',
};

/** How much of a text the language is read from. */
export const LANGUAGE_SAMPLE = 2000;

/** ISO 639-1 code of the text's language, or 'und' when it can't be told. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  const scanned = scanWords(sample);
  return languageFromWords(scannedCount(scanned), englishStopwords(scanned.words), () => sample);
}

/** How many of the scanned words are English stopwords (the stopwords written in a–z). */
function englishStopwords(words: readonly number[]): number {
  let count = 0;
  for (let k = 2; k < words.length; k += 3) if (((words[k] as number) & STOPWORD) !== 0) count++;
  return count;
}

/** `detectLanguage` of a sample whose words and stopwords are counted already. */
export function languageFromWords(words: number, stopwords: number, sample: () => string): string {
  // English news is by far the common case: a plain stopword share settles it without n-gram scoring.
  if (words >= 4 && stopwords / words >= 0.3) return 'en';
  const code = franc(sample(), { minLength: 10 });
  return TWO_LETTER[code] ?? 'und';
}

/**
 * `detectLanguage` of `${title}\n${text}` when the text's sentences are scanned already (one scan per
 * sentence, in order): the same answer without reading the text again.
 */
export function articleLanguage(title: string | null, text: string, sentences: readonly Span[], scans: readonly ScannedWords[]): string {
  const sample = (): string => `${title ?? ''}\n${text.slice(0, LANGUAGE_SAMPLE)}`.slice(0, LANGUAGE_SAMPLE);
  const counted = sampleWords(title, sentences, scans);
  return counted ? languageFromWords(counted.words, counted.stopwords, sample) : detectLanguage(sample());
}

/**
 * How many words, and English stopwords, the language sample of `${title}\n${text}` holds: the title's,
 * then those of the sentences the sample reaches (sentences hold every word of a text and no word
 * crosses from one to the next), the last one cut where the sample ends. Null when the scans can't
 * tell: a title that fills the sample, or lower-casing that changed a sentence's length ("İ").
 */
export function sampleWords(title: string | null, sentences: readonly Span[], scans: readonly ScannedWords[]): { words: number; stopwords: number } | null {
  const room = LANGUAGE_SAMPLE - ((title ?? '').length + 1);
  if (room <= 0) return null;
  const head = scanWords(`${title ?? ''}\n`);
  let count = scannedCount(head);
  let stopwords = englishStopwords(head.words);
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] as Span;
    if (sentence.start >= room) break;
    const { lower, words } = scans[i] as ScannedWords;
    if (lower.length !== sentence.text.length) return null;
    const cut = room - sentence.start;
    for (let k = 0; k < words.length; k += 3) {
      const start = words[k] as number;
      let end = words[k + 1] as number;
      if (start >= cut) break;
      let tags = words[k + 2] as number;
      if (end > cut) {
        // The word the sample cuts: its part before the cut, less half a surrogate pair and then an
        // apostrophe left hanging (nothing at all when the cut halves its first character).
        end = cut;
        const split = lower.charCodeAt(end - 1);
        if (split >= 0xd800 && split <= 0xdbff) end--;
        if (end === start) break;
        const last = lower.charCodeAt(end - 1);
        if (last === 39 || last === 0x2019) end--;
        tags = stopwordTags(lower, start, end);
      }
      count++;
      if ((tags & STOPWORD) !== 0) stopwords++;
    }
  }
  return { words: count, stopwords };
}
