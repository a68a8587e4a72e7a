// BBC News Summary: each article with its extractive reference. Line 1 of an article is its title.
// The reference's sentences are run together without spaces ("…$10.9bn.For the full-year…"), so they
// are split where a sentence-final mark meets a capital or an opening quote with no space between.
import { join } from 'node:path';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { words as stopwords } from 'natural/lib/natural/util/stopwords';
import { splitSentences } from '../../src/core/text/index.js';
import { corpusPath, listFiles, readText } from './corpus.js';

export interface BbcArticle {
  name: string;
  title: string;
  body: string;
  reference: string[];
}

/** "…10.9bn.For the full-year…" → two sentences; "U.S.A" and "3.5" stay whole. */
export function splitReference(summary: string): string[] {
  const parts: string[] = [];
  let from = 0;
  const boundary = /(?<![A-Z]\.[A-Z]|\b[A-Z])([.!?])(["”]?)(?=["“]?[A-Z])/gu;
  for (const match of summary.matchAll(boundary)) {
    // A quote mark after the stop closes a quote when one is open in this sentence; else it opens the next.
    const open = ((summary.slice(from, match.index).match(/"/gu) ?? []).length % 2) === 1;
    const end = match.index + 1 + (open ? (match[2] ?? '').length : 0);
    parts.push(summary.slice(from, end).trim());
    from = end;
  }
  parts.push(summary.slice(from).trim());
  return parts.filter((p) => p !== '');
}

export function loadBbc(): BbcArticle[] {
  const root = corpusPath('bbc-news-summary');
  const articles: BbcArticle[] = [];
  for (const category of listFiles(join(root, 'articles'), '')) {
    for (const file of listFiles(join(root, 'articles', category), '.txt')) {
      const raw = readText(join(root, 'articles', category, file));
      const newline = raw.indexOf('\n');
      const title = (newline < 0 ? raw : raw.slice(0, newline)).trim();
      const body = newline < 0 ? '' : raw.slice(newline + 1);
      const reference = splitReference(readText(join(root, 'summaries', category, file)).trim());
      articles.push({ name: `${category}/${file}`, title, body, reference });
    }
  }
  return articles;
}

/** Lead-k: the first k sentences. */
export function leadK(body: string, k: number): string[] {
  return splitSentences(body).slice(0, k);
}

const STOP = new Set(stopwords);

/** Plain TextRank (Mihalcea & Tarau 2004): word-overlap similarity, PageRank, top k in article order. */
export function textRank(body: string, k: number): string[] {
  const sentences = splitSentences(body);
  const bags = sentences.map((s) => new Set((s.toLowerCase().match(/[a-z0-9]+/gu) ?? []).filter((w) => !STOP.has(w)).map((w) => PorterStemmer.stem(w))));
  const n = sentences.length;
  const weight = (i: number, j: number): number => {
    const a = bags[i] ?? new Set<string>();
    const b = bags[j] ?? new Set<string>();
    if (a.size < 2 || b.size < 2) return 0;
    let shared = 0;
    for (const w of a) if (b.has(w)) shared++;
    return shared / (Math.log(a.size) + Math.log(b.size));
  };
  const w = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : weight(i, j))));
  const out = w.map((row) => row.reduce((s, x) => s + x, 0));
  let scores = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 50; iteration++) {
    scores = scores.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const o = out[j] ?? 0;
        if (o > 0) sum += ((w[j]?.[i] ?? 0) / o) * (scores[j] ?? 0);
      }
      return 0.15 + 0.85 * sum;
    });
  }
  const top = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, k).map((x) => x.i);
  return top.sort((a, b) => a - b).map((i) => sentences[i] ?? '');
}
