// The story index must find exactly what a plain scan of each band's latest articles finds, however it stores them.
import { describe, expect, it } from 'vitest';
import { SAME_STORY_SIMILARITY, SLOTS, signatureSlots } from '../../../src/core/stories/fingerprint';
import { StoryIndex } from '../../../src/core/stories/story-index';

const BAND = 2;
const BUCKET_SCAN = 64;

/** The index's contract spelled out plainly: per band, the latest BUCKET_SCAN articles sharing it, newest first. */
class ScanIndex {
  private readonly bands = new Map<string, { storyId: string; slots: Uint16Array }[]>();

  add(c: { storyId: string; fingerprint: string }): void {
    const slots = signatureSlots(c.fingerprint);
    if (!slots) return;
    for (let b = 0; b < SLOTS / BAND; b++) {
      const key = `${b}:${slots[b * BAND]}:${slots[b * BAND + 1]}`;
      const bucket = this.bands.get(key) ?? [];
      bucket.push({ storyId: c.storyId, slots });
      this.bands.set(key, bucket);
    }
  }

  match(fp: string): string | null {
    const slots = signatureSlots(fp);
    if (!slots) return null;
    let best: { storyId: string; same: number } | null = null;
    for (let b = 0; b < SLOTS / BAND; b++) {
      const bucket = this.bands.get(`${b}:${slots[b * BAND]}:${slots[b * BAND + 1]}`) ?? [];
      for (const e of bucket.slice(-BUCKET_SCAN).reverse()) {
        let same = 0;
        for (let i = 0; i < SLOTS; i++) if (e.slots[i] === slots[i]) same++;
        if (same >= Math.ceil(SAME_STORY_SIMILARITY * SLOTS) && (!best || same > best.same)) best = { storyId: e.storyId, same };
      }
    }
    return best?.storyId ?? null;
  }
}

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const hex = (slots: number[]) => slots.map((v) => v.toString(16).padStart(4, '0')).join('');

/**
 * Signatures as news gives them: most unrelated, some retellings (a share of slots changed), and slot values
 * drawn from a small range so that many bands are shared by chance, crowding buckets past the scan limit.
 */
function signatures(n: number, seed: number): string[] {
  const rnd = random(seed);
  const out: number[][] = [];
  for (let k = 0; k < n; k++) {
    const earlier = out[Math.floor(rnd() * out.length)];
    if (earlier && rnd() < 0.4) out.push(earlier.map((v) => (rnd() < 0.3 + rnd() * 0.5 ? Math.floor(rnd() * 65536) : v)));
    else out.push(Array.from({ length: SLOTS }, () => (rnd() < 0.3 ? Math.floor(rnd() * 2) : Math.floor(rnd() * 65536))));
  }
  return out.map(hex);
}

describe('StoryIndex', () => {
  it('matches as a scan of the latest articles of each band does, through many growths of its storage', () => {
    const index = new StoryIndex();
    const scan = new ScanIndex();
    const found: (string | null)[] = [];
    const expected: (string | null)[] = [];
    signatures(3000, 7).forEach((fp, i) => {
      found.push(index.match(fp));
      expected.push(scan.match(fp));
      const candidate = { storyId: expected[i] ?? `story-${i}`, fingerprint: fp };
      index.add(candidate);
      scan.add(candidate);
    });
    expect(found).toEqual(expected);
    expect(index.size).toBe(3000);
    // The data is worth testing on: both outcomes are common.
    const matched = expected.filter((s) => s !== null).length;
    expect(matched).toBeGreaterThan(500);
    expect(matched).toBeLessThan(2500);
  });

  it('builds from stored candidates to the same answers as adding them one by one', () => {
    const candidates = signatures(1500, 11).map((fingerprint, i) => ({ storyId: `s${i % 700}`, fingerprint }));
    const built = new StoryIndex(candidates);
    const scan = new ScanIndex();
    candidates.forEach((c) => scan.add(c));
    const queries = signatures(800, 12);
    expect(queries.map((fp) => built.match(fp))).toEqual(queries.map((fp) => scan.match(fp)));
  });

  it('compares only the latest articles of a crowded band', () => {
    const target = Array.from({ length: SLOTS }, (_, i) => 1000 + i);
    const index = new StoryIndex([{ storyId: 'old', fingerprint: hex(target) }]);
    // Newer articles that share only band 0 with the target: unrelated otherwise.
    const crowd = (n: number) => Array.from({ length: SLOTS }, (_, i) => (i < BAND ? target[i]! : 40000 + n * SLOTS + i));
    for (let n = 0; n < BUCKET_SCAN - 1; n++) index.add({ storyId: `crowd-${n}`, fingerprint: hex(crowd(n)) });
    // A query sharing band 0 and half of the rest, but no other whole band, reaches the old article only while
    // it is among the latest of band 0.
    const query = hex(target.map((v, i) => (i < BAND || i % 2 === 0 ? v : 9)));
    expect(index.match(query)).toBe('old');
    index.add({ storyId: 'crowd-last', fingerprint: hex(crowd(BUCKET_SCAN)) });
    expect(index.match(query)).toBeNull();
  });

  it('picks the most similar article, and the first found among equals', () => {
    const base = Array.from({ length: SLOTS }, (_, i) => i);
    const changed = (n: number) => hex(base.map((v, i) => (i >= SLOTS - n ? 50000 + i : v)));
    const index = new StoryIndex([
      { storyId: 'far', fingerprint: changed(30) },
      { storyId: 'near', fingerprint: changed(5) },
      { storyId: 'near-too', fingerprint: changed(5) },
    ]);
    expect(index.match(hex(base))).toBe('near-too');
    // Shares whole bands with every one of them, but fewer slots than the threshold asks.
    expect(index.match(hex(base.map((v, i) => (i < 40 ? 60000 + i : v))))).toBeNull();
  });

  it('ignores empty, older-kind and malformed signatures', () => {
    const index = new StoryIndex([
      { storyId: 'empty', fingerprint: '' },
      { storyId: 'old-kind', fingerprint: '0123456789abcdef' },
      { storyId: 'not-hex', fingerprint: 'z'.repeat(SLOTS * 4) },
    ]);
    expect(index.size).toBe(0);
    expect(index.match('')).toBeNull();
    expect(index.match('z'.repeat(SLOTS * 4))).toBeNull();
  });
});
