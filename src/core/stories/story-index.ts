// Recent articles indexed by bands of their MinHash signature (locality-sensitive hashing), so matching a new
// article compares it with the few that share a band instead of every article of the last two days.
// A polling run holds every article of the story window here (tens of thousands), so the index is a few flat
// typed arrays rather than a Map of objects: 0.3–0.5 KB an article instead of 1–2 KB, none of it on the JS heap
// the garbage collector walks, and no boxed number for each of the 32 band keys of an article.
import { SAME_STORY_SIMILARITY, SLOTS, signatureSlots } from './fingerprint';

/** Slots per band: two 16-bit slots agree by chance about once in four billion. */
const BAND = 2;
const BANDS = SLOTS / BAND;
/** Only the latest this-many articles of one band are compared: a crowded band is a common phrase, not evidence. */
const BUCKET_SCAN = 64;
/** Slots an article needs in common with an earlier one to be the same story. */
const NEEDED = Math.ceil(SAME_STORY_SIMILARITY * SLOTS);
const NONE = -1;

export interface StoryCandidate {
  storyId: string;
  fingerprint: string;
}

/** A well-mixed 32-bit hash of a band's two slots and the band's number. */
function bandHash(band: number, hi: number, lo: number): number {
  let h = ((hi << 16) | lo) ^ Math.imul(band + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Article k is the k-th added. Its band b is the posting k·BANDS + b; a bucket (one band's two slot values) is a
 * chain of postings, newest first: the hash table holds the newest, `older` links each to the one before it.
 * The bucket's key is not stored: it is read back from the signature of the posting's article.
 */
export class StoryIndex {
  private count = 0;
  private readonly storyIds: string[] = [];
  /** The signatures, SLOTS slots per article: article k's start at k·SLOTS. */
  private slots: Uint16Array;
  /** For each posting, the previous posting of its bucket, or NONE. */
  private older: Int32Array;
  /** Open addressing (linear probing, power-of-two size): the newest posting of each bucket, or NONE. */
  private table = new Int32Array(256).fill(NONE);
  private buckets = 0;

  constructor(candidates: Iterable<StoryCandidate> = []) {
    const expected = Array.isArray(candidates) ? candidates.length : 0;
    this.slots = new Uint16Array(Math.max(16, expected) * SLOTS);
    this.older = new Int32Array(Math.max(16, expected) * BANDS);
    for (const c of candidates) this.add(c);
  }

  /** How many articles are indexed (those with a usable signature). */
  get size(): number {
    return this.count;
  }

  add(c: StoryCandidate): void {
    const signature = signatureSlots(c.fingerprint);
    if (!signature) return;
    if ((this.count + 1) * SLOTS > this.slots.length) this.grow();
    const k = this.count++;
    this.slots.set(signature, k * SLOTS);
    this.storyIds.push(c.storyId);
    for (let b = 0; b < BANDS; b++) {
      const at = this.position(this.slots, k * SLOTS, b);
      const newest = this.table[at]!;
      this.older[k * BANDS + b] = newest;
      this.table[at] = k * BANDS + b;
      if (newest === NONE && ++this.buckets * 4 > this.table.length * 3) this.rehash();
    }
  }

  /** The story of the most similar earlier article at or above the threshold, or null for a new story. */
  match(fp: string): string | null {
    const signature = signatureSlots(fp);
    if (!signature) return null;
    let best = NONE;
    let bestSame = NEEDED - 1;
    // Bands in order, each bucket newest first; an article met again in a later band scores the same and so
    // never displaces the first best.
    for (let b = 0; b < BANDS; b++) {
      let posting = this.table[this.position(signature, 0, b)]!;
      for (let n = 0; posting !== NONE && n < BUCKET_SCAN; n++, posting = this.older[posting]!) {
        const k = Math.floor(posting / BANDS);
        const same = this.agreement(signature, k, bestSame + 1);
        if (same > bestSame) {
          best = k;
          bestSame = same;
        }
      }
    }
    return best === NONE ? null : this.storyIds[best]!;
  }

  /** Slots article k shares with the signature; any count below `enough` may come back as 0 (it stops early). */
  private agreement(signature: Uint16Array, k: number, enough: number): number {
    const at = k * SLOTS;
    let same = 0;
    for (let i = 0; i < SLOTS; i++) {
      if (this.slots[at + i] === signature[i]) same++;
      else if (same + SLOTS - 1 - i < enough) return 0;
    }
    return same;
  }

  /**
   * Where band b of the signature `slots` (starting at `at`) sits in the table: its bucket, or the empty place
   * it would take.
   */
  private position(slots: Uint16Array, at: number, b: number): number {
    const hi = slots[at + b * BAND]!;
    const lo = slots[at + b * BAND + 1]!;
    const mask = this.table.length - 1;
    for (let i = bandHash(b, hi, lo) & mask; ; i = (i + 1) & mask) {
      const posting = this.table[i]!;
      if (posting === NONE) return i;
      if (posting % BANDS !== b) continue;
      const start = Math.floor(posting / BANDS) * SLOTS + b * BAND;
      if (this.slots[start] === hi && this.slots[start + 1] === lo) return i;
    }
  }

  /** Room for half as many articles again: the arrays stay within a third of what they hold. */
  private grow(): void {
    const articles = Math.ceil((this.slots.length / SLOTS) * 1.5);
    const slots = new Uint16Array(articles * SLOTS);
    slots.set(this.slots);
    this.slots = slots;
    const older = new Int32Array(articles * BANDS);
    older.set(this.older);
    this.older = older;
  }

  /** Twice the table, each bucket's newest posting placed anew (the chains behind it stay as they are). */
  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(NONE);
    for (const posting of old) {
      if (posting === NONE) continue;
      const b = posting % BANDS;
      this.table[this.position(this.slots, Math.floor(posting / BANDS) * SLOTS, b)] = posting;
    }
  }
}

/** The story of the closest earlier article within the threshold, or null for a new story. */
export function matchStory(fp: string, candidates: StoryCandidate[]): string | null {
  return new StoryIndex(candidates).match(fp);
}
