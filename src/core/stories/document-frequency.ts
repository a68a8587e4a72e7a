// How many recent articles carry each term, for weighting terms by rarity (IDF). The counts live in one fixed
// table indexed by the term's hash, so memory stays the same however many articles and distinct terms arrive;
// two terms that share a slot only make each other look a little more common (less weight, never a false match).

/** Slots of the table: 2^17 16-bit counters, 256 KB. Two days of a busy deployment hold ~100,000 distinct terms. */
const SLOTS_LOG2 = 17;
const MASK = (1 << SLOTS_LOG2) - 1;
const SATURATED = 0xffff;
/**
 * Articles assumed seen before the first one: with an empty store every term is equally rare, and the first
 * articles should not treat every word as a name.
 */
const PRIOR_ARTICLES = 50;

export class DocumentFrequency {
  private readonly counts = new Uint16Array(MASK + 1);
  private total = 0;

  /** Articles counted so far. */
  get articles(): number {
    return this.total;
  }

  /** Counts one article's distinct term hashes. */
  add(hashes: Iterable<number>): void {
    this.total++;
    for (const h of hashes) {
      const slot = mix(h) & MASK;
      if (this.counts[slot]! < SATURATED) this.counts[slot]!++;
    }
  }

  /** The inverse document frequency of a term: ln((N + prior) / (df + 1)), at least 0. */
  idf(hash: number): number {
    return Math.max(0, Math.log((this.total + PRIOR_ARTICLES) / (this.counts[mix(hash) & MASK]! + 1)));
  }
}

/** Spreads a term hash over the table (the term hashes' low bits are already mixed, this keeps slots independent). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
