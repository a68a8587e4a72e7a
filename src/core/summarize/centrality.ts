// Continuous LexRank: a sentence matters when many sentences resemble it. Power iteration of a damped
// random walk over the similarity graph (row-normalized), as in Erkan & Radev (2004).

const DAMPING = 0.85;
const ITERATIONS = 40;
const TOLERANCE = 1e-6;

/** Stationary scores of the similarity graph (sum to 1). `similarity[i][j]` must be symmetric. */
export function pageRank(similarity: ArrayLike<number>[]): number[] {
  const n = similarity.length;
  if (n === 0) return [];
  // Transition weights, row-normalized once, and kept sparse: most sentence pairs share no word, and an
  // edge of weight zero moves nothing. A sentence like no other spreads its weight evenly.
  const totals: number[] = new Array<number>(n).fill(0);
  const dangling: boolean[] = new Array<boolean>(n).fill(false);
  let danglingCount = 0;
  const incoming: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const row: ArrayLike<number> = similarity[i] ?? [];
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i) total += row[j] ?? 0;
    totals[i] = total;
    if (total === 0) {
      dangling[i] = true;
      danglingCount++;
    } else for (let j = 0; j < n; j++) if (j !== i && (row[j] ?? 0) !== 0) incoming[j + 1] = (incoming[j + 1] as number) + 1;
  }
  for (let j = 0; j < n; j++) incoming[j + 1] = (incoming[j + 1] as number) + (incoming[j] as number);
  // Each sentence's incoming edges, by source in ascending order: a score is gathered in the order the
  // walk would scatter it, so the sums are the same to the last bit.
  const fill = incoming.slice(0, n);
  const source: number[] = new Array<number>(incoming[n] as number).fill(0);
  const weight: number[] = new Array<number>(incoming[n] as number).fill(0);
  for (let i = 0; i < n; i++) {
    if (dangling[i]) continue;
    const row: ArrayLike<number> = similarity[i] ?? [];
    const total = totals[i] as number;
    for (let j = 0; j < n; j++) {
      const value = row[j] ?? 0;
      if (j === i || value === 0) continue;
      const at = fill[j] as number;
      fill[j] = at + 1;
      source[at] = i;
      weight[at] = value / total;
    }
  }
  let scores: number[] = new Array<number>(n).fill(1 / n);
  let next: number[] = new Array<number>(n).fill(0);
  const share: number[] = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let spread = 0;
    if (danglingCount > 0) for (let i = 0; i < n; i++) if (dangling[i]) spread += scores[i] as number;
    const base = (1 - DAMPING) / n + (DAMPING * spread) / n;
    for (let i = 0; i < n; i++) share[i] = DAMPING * (scores[i] as number);
    let change = 0;
    for (let j = 0; j < n; j++) {
      let value = base;
      const end = incoming[j + 1] as number;
      for (let e = incoming[j] as number; e < end; e++) value += (share[source[e] as number] as number) * (weight[e] as number);
      next[j] = value;
      change += Math.abs(value - (scores[j] as number));
    }
    const previous = scores;
    scores = next;
    next = previous;
    if (change < TOLERANCE) break;
  }
  return scores;
}
