// Near-duplicate detection: a 64-bit SimHash over word shingles of title + lead. The same story told by two
// outlets differs in a few bits; unrelated stories differ in about half of them.
import { hash64 } from './hash';

const WORD = /[\p{L}\p{N}]+/gu;
const LEAD_WORDS = 80;

export function fingerprint(title: string, text: string): string {
  const words = `${title} ${text}`.toLowerCase().match(WORD)?.slice(0, LEAD_WORDS) ?? [];
  const counts = new Array<number>(64).fill(0);
  const shingles = words.length >= 3 ? words.slice(0, -2).map((w, i) => `${w} ${words[i + 1]} ${words[i + 2]}`) : words;
  for (const shingle of shingles) {
    const [hi, lo] = hash64(shingle);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit]! += (hi >>> bit) & 1 ? 1 : -1;
      counts[bit + 32]! += (lo >>> bit) & 1 ? 1 : -1;
    }
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) if (counts[nibble * 4 + b]! > 0) v |= 1 << b;
    hex += v.toString(16);
  }
  return hex;
}

export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d + Math.abs(a.length - b.length) * 4;
}

/** Bits that may differ between two tellings of one story. */
export const SAME_STORY_DISTANCE = 10;

/** The story of the closest earlier article within the threshold, or null for a new story. */
export function matchStory(fp: string, candidates: { storyId: string; fingerprint: string }[]): string | null {
  let best: { storyId: string; d: number } | null = null;
  for (const c of candidates) {
    const d = hammingDistance(fp, c.fingerprint);
    if (d <= SAME_STORY_DISTANCE && (!best || d < best.d)) best = { storyId: c.storyId, d };
  }
  return best?.storyId ?? null;
}
