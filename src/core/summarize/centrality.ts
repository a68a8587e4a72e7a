// Continuous LexRank: a sentence matters when many sentences resemble it. Power iteration of a damped
// random walk over the cosine-similarity graph (row-normalized), as in Erkan & Radev (2004).

const DAMPING = 0.85;
const ITERATIONS = 40;
const TOLERANCE = 1e-6;

/** Stationary scores of the similarity graph (sum to 1). `similarity[i][j]` must be symmetric. */
export function pageRank(similarity: number[][]): number[] {
  const n = similarity.length;
  if (n === 0) return [];
  const rowSums = similarity.map((row, i) => row.reduce((sum, value, j) => (i === j ? sum : sum + value), 0));
  let scores = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n);
    for (let i = 0; i < n; i++) {
      const row = similarity[i] ?? [];
      const total = rowSums[i] ?? 0;
      const share = scores[i] ?? 0;
      if (total === 0) {
        // A sentence like no other spreads its weight evenly rather than losing it.
        for (let j = 0; j < n; j++) next[j] = (next[j] ?? 0) + (DAMPING * share) / n;
        continue;
      }
      for (let j = 0; j < n; j++) {
        const weight = i === j ? 0 : (row[j] ?? 0);
        if (weight > 0) next[j] = (next[j] ?? 0) + (DAMPING * share * weight) / total;
      }
    }
    let change = 0;
    for (let i = 0; i < n; i++) change += Math.abs((next[i] ?? 0) - (scores[i] ?? 0));
    scores = next;
    if (change < TOLERANCE) break;
  }
  return scores;
}
