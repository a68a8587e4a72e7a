// Sparse TF-IDF vectors over one article, where each sentence counts as a document. Terms are numbered
// per article and vectors kept as sorted id/weight arrays, so comparing two sentences is one merge.

export interface Vector {
  /** Term ids, ascending. */
  ids: Int32Array;
  values: Float64Array;
  norm: number;
}

/** The terms of one article, numbered, with how many of its sentences hold each. */
export class Vocabulary {
  private readonly index = new Map<string, number>();
  private frequencies: number[] = [];
  documents = 0;

  /** Counts one sentence's terms and returns their ids (in bag order). */
  addDocument(bag: string[]): number[] {
    this.documents++;
    const ids = bag.map((term) => {
      let id = this.index.get(term);
      if (id === undefined) {
        id = this.index.size;
        this.index.set(term, id);
        this.frequencies.push(0);
      }
      return id;
    });
    for (const id of new Set(ids)) this.frequencies[id] = (this.frequencies[id] ?? 0) + 1;
    return ids;
  }

  idOf(term: string): number {
    return this.index.get(term) ?? -1;
  }

  frequency(id: number): number {
    return id >= 0 ? (this.frequencies[id] ?? 0) : 0;
  }
}

/**
 * `idfPower` tempers the IDF: within one article the words of the story itself are in many sentences,
 * and a full IDF would discount exactly what ties the story together (0 = plain TF, 1 = full TF-IDF).
 * Terms the article's sentences never use (`id` -1) still count toward the norm.
 */
export function tfidfVector(ids: number[], vocabulary: Vocabulary, idfPower: number): Vector {
  let unknown = 0;
  let known = 0;
  for (const id of ids) if (id < 0) unknown++;
  const sorted = new Int32Array(ids.length - unknown);
  for (const id of ids) if (id >= 0) sorted[known++] = id;
  sorted.sort();
  // Runs of equal ids are one term and its count.
  const termIds: number[] = [];
  const values: number[] = [];
  let sum = 0;
  const n = vocabulary.documents;
  for (let i = 0; i < sorted.length; ) {
    const id = sorted[i] as number;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === id) j++;
    const idf = Math.max(Math.log((n + 1) / (vocabulary.frequency(id) + 0.5)), 0.05) ** idfPower;
    const value = (1 + Math.log(j - i)) * idf;
    termIds.push(id);
    values.push(value);
    sum += value * value;
    i = j;
  }
  const unknownWeight = Math.max(Math.log((n + 1) / 0.5), 0.05) ** idfPower;
  sum += unknown * unknownWeight * unknownWeight;
  return { ids: Int32Array.from(termIds), values: Float64Array.from(values), norm: Math.sqrt(sum) };
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      dot += (a.values[i] as number) * (b.values[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** The sum of several vectors (an article's centroid). */
export function sumVectors(vectors: Vector[]): Vector {
  const total = new Map<number, number>();
  for (const vector of vectors) {
    vector.ids.forEach((id, i) => total.set(id, (total.get(id) ?? 0) + (vector.values[i] ?? 0)));
  }
  const sorted = [...total.keys()].sort((a, b) => a - b);
  const values = Float64Array.from(sorted.map((id) => total.get(id) ?? 0));
  let sum = 0;
  for (const value of values) sum += value * value;
  return { ids: Int32Array.from(sorted), values, norm: Math.sqrt(sum) };
}
