// Choosing the articles to compare in full: the heaviest by shared key-term weight, the same set a full sort keeps.
import { describe, expect, it } from 'vitest';
import { keepHeaviest } from '../../../src/core/stories/key-terms';

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

describe('keepHeaviest', () => {
  it('keeps the same entries as sorting by weight (ties: lower entry first), for many sizes and many ties', () => {
    const rnd = lcg(7);
    for (let t = 0; t < 500; t++) {
      const n = 1 + Math.floor(rnd() * 700);
      const levels = t % 2 ? 4 : 1000;
      const weight = Float64Array.from({ length: n }, () => Math.floor(rnd() * levels));
      const keep = Math.min(n, 1 + Math.floor(rnd() * 60));
      const order = Int32Array.from({ length: n }, (_, i) => i);
      keepHeaviest(order, n, weight, keep);
      const expected = Array.from({ length: n }, (_, i) => i)
        .sort((x, y) => weight[y]! - weight[x]! || x - y)
        .slice(0, keep);
      expect([...order.subarray(0, keep)].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});
