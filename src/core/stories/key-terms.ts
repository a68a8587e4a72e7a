// The few rarest terms of a signature: candidates for a match are the articles that share one of them, so an
// article is compared with the handful that share a name or a rare word, never with the whole window.
import { IN_TITLE, type Signature } from './signature';

/** Key terms per article. */
export const KEY_TERMS = 10;

/**
 * Of the articles met through the key terms, only the this-many sharing the most key-term weight are compared in
 * full: a retelling shares several rare terms, and where every term is common (a crowded news day, a made-up
 * vocabulary) the full comparison of every article met would cost ten times as much.
 */
export const SCORED = 48;

/**
 * Indexes (into the signature) of its KEY_TERMS heaviest terms, a title's counted twice as its other words are
 * (ties, as in a store too young to tell rare from common: lower hash first).
 */
export function keyTerms(s: Signature): number[] {
  const order = Array.from(s.hashes.keys());
  const weight = (i: number) => s.weights[i]! * (s.flags[i]! & IN_TITLE ? 2 : 1);
  order.sort((x, y) => weight(y) - weight(x) || s.hashes[x]! - s.hashes[y]!);
  return order.slice(0, KEY_TERMS);
}

/**
 * Reorders order[0 … n) so that its first `keep` entries are the heaviest by weight[entry] (ties: lower entry
 * first), the rest after them, in linear expected time: the same set a full sort would keep, without sorting
 * the hundreds of articles a crowded term brings.
 */
export function keepHeaviest(order: Int32Array, n: number, weight: Float64Array, keep: number): void {
  const before = (x: number, y: number) => weight[x]! > weight[y]! || (weight[x] === weight[y] && x < y);
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const pivot = order[(lo + hi) >> 1]!;
    let i = lo, j = hi;
    while (i <= j) {
      while (before(order[i]!, pivot)) i++;
      while (before(pivot, order[j]!)) j--;
      if (i <= j) {
        const t = order[i]!;
        order[i++] = order[j]!;
        order[j--] = t;
      }
    }
    if (keep - 1 <= j) hi = j;
    else if (keep - 1 >= i) lo = i;
    else return;
  }
}
