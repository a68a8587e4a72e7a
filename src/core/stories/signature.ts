// What identifies a story in an article: the stems of its title and lead, each weighted by how rare it is among
// recent articles (names and rare terms weigh most), with numbers kept apart so that "claims fell to 576,000" and
// "claims sink to 684,000" can be told apart. The signature is stored as the article's fingerprint, weights
// included, so the digest compares articles exactly as ingestion did without reading the store again.
import { STOPWORDS, stem } from '../text/tokens';
import type { DocumentFrequency } from './document-frequency';
import { hash64 } from './hash';

/** Where a term was seen. */
export const IN_TITLE = 1;
export const IN_LEAD = 2;
/** A number other than a year: differing ones split recurring stories (weekly figures, scores). */
export const NUMBER = 4;

/** The first this-many words of the text are its lead: where outlets agree most. */
const LEAD_WORDS = 100;
/** Terms kept per article (title first, then the lead in order): enough for a lead, bounded for a long text. */
export const MAX_TERMS = 48;
/** Below this many terms there is too little to compare (a bare headline). */
const MIN_TERMS = 4;
const PREFIX = 's1:';

/** Words, with inner separators kept so "576,000" and "1.5" stay whole. */
const TOKEN = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
const YEAR = /^(?:1[89]|20)\d\d$/;
const DIGIT = /\d/;
const POSSESSIVE = /['’]s$/;

export interface Signature {
  /** Term hashes, ascending. */
  hashes: Uint32Array;
  /** IDF of each term at ingestion. */
  weights: Float32Array;
  /** IN_TITLE | IN_LEAD | NUMBER of each term. */
  flags: Uint8Array;
}

/** The distinct terms of title and lead with where they occur, in order of first sight. */
export function storyTerms(title: string, text: string, language = 'en'): Map<number, number> {
  const terms = new Map<number, number>();
  const scan = (s: string, limit: number, field: number) => {
    let seen = 0;
    for (const m of s.matchAll(TOKEN)) {
      if (seen++ >= limit) break;
      const lower = m[0].toLowerCase();
      let term: string;
      let flag = field;
      if (DIGIT.test(lower)) {
        term = `#${lower.replace(/,/g, '')}`;
        if (!YEAR.test(lower)) flag |= NUMBER;
      } else {
        const word = lower.replace(POSSESSIVE, '');
        if (word.length < 2 || STOPWORDS.has(word)) continue;
        term = stem(word, language);
      }
      const h = hash64(term)[0];
      const had = terms.get(h);
      if (had === undefined && terms.size >= MAX_TERMS) continue;
      terms.set(h, (had ?? 0) | flag);
    }
  };
  scan(title, LEAD_WORDS, IN_TITLE);
  scan(text, LEAD_WORDS, IN_LEAD);
  return terms;
}

/** The signature of an article, weighted by the document frequencies given; null for a bare headline. */
export function signatureOf(terms: Map<number, number>, df: DocumentFrequency): Signature | null {
  if (terms.size < MIN_TERMS) return null;
  const hashes = Uint32Array.from(terms.keys()).sort();
  const weights = new Float32Array(hashes.length);
  const flags = new Uint8Array(hashes.length);
  hashes.forEach((h, i) => {
    weights[i] = Math.min(15.9, df.idf(h));
    flags[i] = terms.get(h)!;
  });
  return { hashes, weights, flags };
}

/** A signature as the stored fingerprint: a prefix, then per term 8 hex digits of hash, 2 of weight (1/16), 1 of flags. */
export function encodeSignature(s: Signature | null): string {
  if (!s) return '';
  let out = PREFIX;
  for (let i = 0; i < s.hashes.length; i++)
    out += s.hashes[i]!.toString(16).padStart(8, '0') + Math.round(s.weights[i]! * 16).toString(16).padStart(2, '0') + s.flags[i]!.toString(16);
  return out;
}

const TERM_DIGITS = 11;
const HEX = /^[0-9a-f]*$/;

/** The signature of a stored fingerprint; null for an empty one, one of an older kind, or a malformed one. */
export function decodeSignature(fp: string): Signature | null {
  if (!fp.startsWith(PREFIX) || (fp.length - PREFIX.length) % TERM_DIGITS !== 0 || !HEX.test(fp.slice(PREFIX.length))) return null;
  const n = (fp.length - PREFIX.length) / TERM_DIGITS;
  if (n < MIN_TERMS || n > MAX_TERMS) return null;
  const hashes = new Uint32Array(n);
  const weights = new Float32Array(n);
  const flags = new Uint8Array(n);
  for (let i = 0, at = PREFIX.length; i < n; i++, at += TERM_DIGITS) {
    hashes[i] = hexAt(fp, at, 8);
    weights[i] = hexAt(fp, at + 8, 2) / 16;
    flags[i] = hexAt(fp, at + 10, 1);
    if (i && hashes[i]! <= hashes[i - 1]!) return null;
  }
  return { hashes, weights, flags };
}

/** The value of `digits` lower-case hex digits at `at` (checked by HEX before), without making a string. */
function hexAt(s: string, at: number, digits: number): number {
  let v = 0;
  for (let i = at; i < at + digits; i++) {
    const c = s.charCodeAt(i);
    v = v * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return v;
}
