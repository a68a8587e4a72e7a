// Sparse TF-IDF vectors over one article, where each sentence counts as a document. Terms are numbered
// per article and vectors kept as sorted id/weight arrays, so comparing two sentences is one merge.
// Arrays here are plain: an article makes a great many small ones, and a typed array costs several
// times as much to make.

export interface Vector {
  /** Term ids, ascending. */
  ids: number[];
  values: number[];
  norm: number;
}

/** The terms of one article, numbered in order of first use, with how many of its sentences hold each. */
export class Vocabulary {
  private readonly index = new Map<string, number>();
  /** Each id's term. */
  readonly terms: string[] = [];
  private readonly frequencies: number[] = [];
  /** The last document that counted each term (a sentence repeating a word counts once). */
  private readonly lastDocument: number[] = [];
  documents = 0;
  private idfCache: { documents: number; power: number; weights: number[]; unknown: number } | null = null;

  /** Counts one sentence's terms and returns their ids (in bag order). */
  addDocument(bag: readonly string[]): number[] {
    const document = ++this.documents;
    const ids = new Array<number>(bag.length);
    for (let k = 0; k < bag.length; k++) {
      const term = bag[k] as string;
      let id = this.index.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.index.set(term, id);
        this.terms.push(term);
        this.frequencies.push(0);
        this.lastDocument.push(0);
      }
      if (this.lastDocument[id] !== document) {
        this.lastDocument[id] = document;
        this.frequencies[id] = (this.frequencies[id] as number) + 1;
      }
      ids[k] = id;
    }
    return ids;
  }

  idOf(term: string): number {
    return this.index.get(term) ?? -1;
  }

  frequency(id: number): number {
    return id >= 0 ? (this.frequencies[id] ?? 0) : 0;
  }

  /** Each term's tempered IDF (see tfidfVector), and the weight of a term no sentence uses; computed once per state. */
  idf(power: number): { weights: number[]; unknown: number } {
    const cached = this.idfCache;
    if (cached && cached.documents === this.documents && cached.power === power && cached.weights.length === this.terms.length) return cached;
    const n = this.documents;
    const weights: number[] = [];
    // The weight depends on the frequency alone, and most terms share a handful of frequencies.
    const byFrequency: number[] = [];
    for (let id = 0; id < this.terms.length; id++) {
      const frequency = this.frequencies[id] as number;
      let weight = byFrequency[frequency];
      if (weight === undefined) {
        weight = Math.max(Math.log((n + 1) / (frequency + 0.5)), 0.05) ** power;
        byFrequency[frequency] = weight;
      }
      weights.push(weight);
    }
    const unknown = Math.max(Math.log((n + 1) / 0.5), 0.05) ** power;
    this.idfCache = { documents: n, power, weights, unknown };
    return this.idfCache;
  }
}

/**
 * `idfPower` tempers the IDF: within one article the words of the story itself are in many sentences,
 * and a full IDF would discount exactly what ties the story together (0 = plain TF, 1 = full TF-IDF).
 * Terms the article's sentences never use (`id` -1) still count toward the norm.
 */
export function tfidfVector(ids: readonly number[], vocabulary: Vocabulary, idfPower: number): Vector {
  let unknown = 0;
  const sorted: number[] = [];
  for (const id of ids) {
    if (id < 0) unknown++;
    else sorted.push(id);
  }
  sortAscending(sorted);
  const { weights, unknown: unknownWeight } = vocabulary.idf(idfPower);
  // Runs of equal ids are one term and its count.
  const termIds: number[] = [];
  const values: number[] = [];
  let sum = 0;
  for (let i = 0; i < sorted.length; ) {
    const id = sorted[i] as number;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === id) j++;
    const value = (1 + Math.log(j - i)) * (weights[id] as number);
    termIds.push(id);
    values.push(value);
    sum += value * value;
    i = j;
  }
  sum += unknown * unknownWeight * unknownWeight;
  return { ids: termIds, values, norm: Math.sqrt(sum) };
}

/** Sorts small integers in place: insertion sort for a sentence's worth, the built-in sort beyond. */
function sortAscending(values: number[]): void {
  if (values.length > 48) {
    values.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = value;
  }
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  const av = a.values;
  const bv = b.values;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y) {
      dot += (av[i] as number) * (bv[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** The sum of several vectors (an article's centroid). */
export function sumVectors(vectors: readonly Vector[]): Vector {
  let size = 0;
  for (const vector of vectors) if (vector.ids.length > 0) size = Math.max(size, (vector.ids[vector.ids.length - 1] as number) + 1);
  const total: number[] = new Array<number>(size).fill(0);
  const present: boolean[] = new Array<boolean>(size).fill(false);
  for (const vector of vectors) {
    const ids = vector.ids;
    const values = vector.values;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      total[id] = (total[id] as number) + (values[i] as number);
      present[id] = true;
    }
  }
  const ids: number[] = [];
  const values: number[] = [];
  let sum = 0;
  for (let id = 0; id < size; id++) {
    if (!present[id]) continue;
    const value = total[id] as number;
    ids.push(id);
    values.push(value);
    sum += value * value;
  }
  return { ids, values, norm: Math.sqrt(sum) };
}
