// Sparse TF-IDF vectors over one article, where each sentence counts as a document. Inside a single
// article this is what separates the words of the story from the words every sentence uses.

export type Vector = Map<string, number>;

export function documentFrequencies(bags: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const term of new Set(bag)) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

/**
 * `idfPower` tempers the IDF: within one article the words of the story itself are in many sentences,
 * and a full IDF would discount exactly what ties the story together (0 = plain TF, 1 = full TF-IDF).
 */
export function tfidfVector(bag: string[], df: Map<string, number>, documents: number, idfPower = 1): Vector {
  const counts = new Map<string, number>();
  for (const term of bag) counts.set(term, (counts.get(term) ?? 0) + 1);
  const vector: Vector = new Map();
  for (const [term, count] of counts) {
    const idf = Math.log((documents + 1) / ((df.get(term) ?? 0) + 0.5));
    vector.set(term, (1 + Math.log(count)) * Math.max(idf, 0.05) ** idfPower);
  }
  return vector;
}

export function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

export function cosine(a: Vector, b: Vector, normA = norm(a), normB = norm(b)): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += value * other;
  }
  return dot / (normA * normB);
}

/** The sum of several vectors (an article's centroid, a title with its lead). */
export function sumVectors(vectors: Vector[]): Vector {
  const total: Vector = new Map();
  for (const vector of vectors) for (const [term, value] of vector) total.set(term, (total.get(term) ?? 0) + value);
  return total;
}
