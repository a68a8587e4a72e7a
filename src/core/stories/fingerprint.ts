// Near-duplicate detection: a MinHash signature over the content words of title + lead. Two outlets telling the
// same story reuse most of its names, numbers and verbs but not its sentences, so word sets (not word sequences)
// are what match: a 64-bit SimHash over 3-word shingles put rewrites of one story as far apart as unrelated
// stories (see test/core/stories). Similarity is the share of equal slots, an estimate of the Jaccard index.
import { hash64 } from './hash';

const WORD = /[\p{L}\p{N}]+/gu;
/** The title and the first this-many content words: the lead is where outlets agree most. */
const LEAD_WORDS = 60;
/** Below this many distinct content words there is too little to compare (a bare headline). */
const MIN_WORDS = 6;
export const SLOTS = 64;

/** Share of equal slots at and above which two articles tell the same story. */
export const SAME_STORY_SIMILARITY = 0.4;

const STOP = new Set(
  ('a an the of to in on at for and or but nor is are was were be been being has have had do does did it its this that these those with as by from ' +
    'after before over under into out up down about than then so not no yes will would can could should may might must shall he she they we you i ' +
    'his her their our your my me them us him who whom which what when where why how all any some more most also just only very said says say told ' +
    'new one two last first year years day days week on said according').split(' '),
);

/** Crude suffix folding so "voted"/"votes"/"voting" meet; languages without these endings pass unchanged. */
const fold = (w: string) => (w.length > 5 ? w.replace(/(ing|ed|es|s)$/, '') : w);

export function contentWords(title: string, text: string): Set<string> {
  const words = `${title} ${text}`.toLowerCase().match(WORD) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (STOP.has(w) || (w.length < 2 && !/\d/.test(w))) continue;
    out.add(fold(w));
    if (out.size >= LEAD_WORDS) break;
  }
  return out;
}

/** The signature as hex (SLOTS × 4 digits), or '' when the text is too short to compare. */
export function fingerprint(title: string, text: string): string {
  const words = contentWords(title, text);
  if (words.size < MIN_WORDS) return '';
  const mins = new Uint32Array(SLOTS).fill(0xffffffff);
  for (const w of words) {
    const [h1, h2] = hash64(w);
    // Double hashing (Kirsch–Mitzenmacher): slot i uses h1 + i·h2, as good as independent hashes here.
    for (let i = 0; i < SLOTS; i++) {
      const h = (h1 + Math.imul(i, h2 | 1)) >>> 0;
      if (h < mins[i]!) mins[i] = h;
    }
  }
  let hex = '';
  for (const m of mins) hex += (m & 0xffff).toString(16).padStart(4, '0');
  return hex;
}

/** Estimated Jaccard similarity of two signatures; 0 for signatures of different kinds or empty ones. */
export function similarity(a: string, b: string): number {
  if (!a || a.length !== b.length || a.length !== SLOTS * 4) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 4) if (a.startsWith(b.slice(i, i + 4), i)) same++;
  return same / SLOTS;
}

/** True when two signatures tell the same story (empty or older-kind signatures never do). */
export const sameStory = (a: string, b: string): boolean => similarity(a, b) >= SAME_STORY_SIMILARITY;

/** The slots of a signature, or null for an empty one, one of another kind (older stored fingerprints) or not hex. */
export function signatureSlots(fp: string): Uint16Array | null {
  if (fp.length !== SLOTS * 4) return null;
  const slots = new Uint16Array(SLOTS);
  for (let i = 0; i < fp.length; i++) {
    const c = fp.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return null;
    slots[i >> 2] = (slots[i >> 2]! << 4) | digit;
  }
  return slots;
}
