// ROUGE-1, ROUGE-2 and summary-level ROUGE-L (Lin 2004), F1, on lower-cased Porter-stemmed tokens —
// the same recipe as the rouge-score package with stemming on, written out so the benchmark needs
// nothing else.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';

const stemCache = new Map<string, string>();

export function rougeTokens(text: string): string[] {
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim().split(' ').filter((t) => t !== '');
  return tokens.map((token) => {
    let stemmed = stemCache.get(token);
    if (stemmed === undefined) {
      stemmed = token.length > 3 ? PorterStemmer.stem(token) : token;
      stemCache.set(token, stemmed);
    }
    return stemmed;
  });
}

function f1(overlap: number, candidate: number, reference: number): number {
  if (overlap === 0 || candidate === 0 || reference === 0) return 0;
  const precision = overlap / candidate;
  const recall = overlap / reference;
  return (2 * precision * recall) / (precision + recall);
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  let cTotal = 0;
  let rTotal = 0;
  for (const v of c.values()) cTotal += v;
  for (const v of r.values()) rTotal += v;
  return f1(overlap, cTotal, rTotal);
}

/** Positions in `b` of one longest common subsequence of `a` and `b`. */
function lcsIndices(a: string[], b: string[]): number[] {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] = a[i - 1] === b[j - 1]
        ? (table[(i - 1) * cols + j - 1] ?? 0) + 1
        : Math.max(table[(i - 1) * cols + j] ?? 0, table[i * cols + j - 1] ?? 0);
    }
  }
  const picked: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    if (a[i - 1] === b[j - 1]) {
      picked.push(j - 1);
      i--;
      j--;
    } else if ((table[(i - 1) * cols + j] ?? 0) >= (table[i * cols + j - 1] ?? 0)) i--;
    else j--;
  }
  return picked;
}

/** Summary-level ROUGE-L: for each reference sentence, the union of its LCS with every candidate sentence. */
export function rougeLsum(candidate: string[][], reference: string[][]): number {
  const candidateCounts = new Map<string, number>();
  const referenceCounts = new Map<string, number>();
  for (const sentence of candidate) for (const t of sentence) candidateCounts.set(t, (candidateCounts.get(t) ?? 0) + 1);
  for (const sentence of reference) for (const t of sentence) referenceCounts.set(t, (referenceCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of reference) {
    const union = new Set<number>();
    for (const cand of candidate) for (const index of lcsIndices(cand, ref)) union.add(index);
    for (const index of [...union].sort((x, y) => x - y)) {
      const token = ref[index] ?? '';
      const c = candidateCounts.get(token) ?? 0;
      const r = referenceCounts.get(token) ?? 0;
      if (c > 0 && r > 0) {
        hits++;
        candidateCounts.set(token, c - 1);
        referenceCounts.set(token, r - 1);
      }
    }
  }
  const cTotal = candidate.reduce((s, x) => s + x.length, 0);
  const rTotal = reference.reduce((s, x) => s + x.length, 0);
  return f1(hits, cTotal, rTotal);
}

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

export function rouge(candidateSentences: string[], referenceSentences: string[]): RougeScores {
  const c = candidateSentences.map(rougeTokens);
  const r = referenceSentences.map(rougeTokens);
  return { rouge1: rougeN(c.flat(), r.flat(), 1), rouge2: rougeN(c.flat(), r.flat(), 2), rougeL: rougeLsum(c, r) };
}
