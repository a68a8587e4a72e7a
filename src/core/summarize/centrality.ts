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
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const row: ArrayLike<number> = similarity[i] ?? [];
    for (let j = 0; j < n; j++) if (j !== i && (row[j] ?? 0) !== 0) edges++;
  }
  const first = new Int32Array(n + 1);
  const target = new Int32Array(edges);
  const weight = new Float64Array(edges);
  const dangling = new Uint8Array(n);
  let edge = 0;
  for (let i = 0; i < n; i++) {
    const row: ArrayLike<number> = similarity[i] ?? [];
    let total = 0;
    for (let j = 0; j < n; j++) if (j !== i) total += row[j] ?? 0;
    first[i] = edge;
    if (total === 0) dangling[i] = 1;
    else {
      for (let j = 0; j < n; j++) {
        const value = row[j] ?? 0;
        if (j === i || value === 0) continue;
        target[edge] = j;
        weight[edge++] = value / total;
      }
    }
  }
  first[n] = edge;
  let scores = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let spread = 0;
    for (let i = 0; i < n; i++) if (dangling[i]) spread += scores[i] as number;
    next.fill((1 - DAMPING) / n + (DAMPING * spread) / n);
    for (let i = 0; i < n; i++) {
      if (dangling[i]) continue;
      const share = DAMPING * (scores[i] as number);
      const end = first[i + 1] as number;
      for (let e = first[i] as number; e < end; e++) {
        const j = target[e] as number;
        next[j] = (next[j] as number) + share * (weight[e] as number);
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] as number) - (scores[i] as number));
    [scores, next] = [next, scores];
    if (change < TOLERANCE) break;
  }
  return Array.from(scores);
}
