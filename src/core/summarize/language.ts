import { franc } from 'franc-min';
import { AsciiWordSet, WordCursor } from '../text/scan.js';
import { STOPWORDS } from '../text/tokens.js';

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

/** The stopwords written in plain ASCII letters: the English ones. */
const ENGLISH_STOPWORDS = new AsciiWordSet(STOPWORDS);

/** ISO 639-1 code of the text's language, or 'und' when it can't be told. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  // English news is by far the common case: a plain stopword share settles it without n-gram scoring.
  const lower = sample.toLowerCase();
  const cursor = new WordCursor(lower);
  let tokens = 0;
  let stop = 0;
  while (cursor.next()) {
    tokens++;
    if (ENGLISH_STOPWORDS.has(lower, cursor.start, cursor.end)) stop++;
  }
  if (tokens >= 4 && stop / tokens >= 0.3) return 'en';
  const code = franc(sample, { minLength: 10 });
  return TWO_LETTER[code] ?? 'und';
}
