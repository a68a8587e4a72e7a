// The baselines in the same run: identical titles, and TF-IDF cosine over title + text (threshold tuned on the
// training folds; articles at or above it are one story, transitively).
import { STOPWORDS, words } from '../../src/core/text/tokens';
import type { Labelled } from './corpus';

const normalTitle = (t: string) => words(t).join(' ');

export function exactTitle(articles: readonly Labelled[]): string[] {
  return articles.map((a) => normalTitle(a.title) || a.id);
}

export type Vector = Map<string, number>;

/** Unit TF-IDF vectors of title + text, IDF over the whole set (as ours is). */
export function tfidfVectors(articles: readonly Labelled[]): Map<string, Vector> {
  const tfs = articles.map((a) => {
    const tf = new Map<string, number>();
    for (const w of words(`${a.title} ${a.text}`)) if (w.length > 1 && !STOPWORDS.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = articles.length;
  return new Map(
    tfs.map((tf, i) => {
      const v: Vector = new Map();
      let norm = 0;
      for (const [w, c] of tf) {
        const x = c * (Math.log((1 + n) / (1 + df.get(w)!)) + 1);
        v.set(w, x);
        norm += x * x;
      }
      for (const [w, x] of v) v.set(w, x / (Math.sqrt(norm) || 1));
      return [articles[i]!.id, v];
    }),
  );
}

/** Pairs (indexes into `articles`) with cosine above `min`, by a sparse product. */
export function cosinePairs(articles: readonly Labelled[], vectors: Map<string, Vector>, min = 0.05): [number, number, number][] {
  const postings = new Map<string, [number, number][]>();
  const out: [number, number, number][] = [];
  const acc = new Float64Array(articles.length);
  articles.forEach((a, i) => {
    const touched: number[] = [];
    for (const [w, x] of vectors.get(a.id)!) {
      for (const [j, y] of postings.get(w) ?? []) {
        if (!acc[j]) touched.push(j);
        acc[j]! += x * y;
      }
    }
    for (const j of touched) {
      if (acc[j]! > min) out.push([j, i, acc[j]!]);
      acc[j] = 0;
    }
    for (const [w, x] of vectors.get(a.id)!) {
      const list = postings.get(w);
      if (list) list.push([i, x]);
      else postings.set(w, [[i, x]]);
    }
  });
  return out;
}

/** Connected components of the pairs at or above the threshold, as labels. */
export function components(articles: readonly Labelled[], pairs: [number, number, number][], threshold: number): string[] {
  const parent = articles.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [i, j, s] of pairs) if (s >= threshold) parent[root(j)] = root(i);
  return articles.map((_, i) => articles[root(i)]!.id);
}
