// Extractive summary: sentences scored by TF-IDF centrality with a lead prior, chosen verbatim, in order.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import type { Budget, Quote, Summary } from '../model';
import { isBoilerplate, splitSentences } from '../text';

const STOP = new Set('the a an and or of to in on for with at by from is are was were be been it its this that as he she they we i you said says'.split(' '));

function stems(sentence: string): string[] {
  return (sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w) && w.length > 1).map((w) => PorterStemmer.stem(w));
}

export function summarize(text: string, options: { title?: string | null; budget?: Budget } = {}): Summary {
  const budget = options.budget ?? { sentences: 3 };
  const sentences = splitSentences(text).filter((s) => !isBoilerplate(s));
  const bags = sentences.map(stems);
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of new Set(bag)) df.set(t, (df.get(t) ?? 0) + 1);
  const weight = (t: string) => Math.log(1 + sentences.length / (df.get(t) ?? 1));
  const scores = bags.map((bag, i) => {
    const centrality = bag.reduce((sum, t) => sum + weight(t) * ((df.get(t) ?? 1) - 1), 0) / Math.sqrt(bag.length + 1);
    return centrality * (1 + 1 / (1 + i));
  });
  const order = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  let words = 0;
  for (const { i } of order) {
    if ('sentences' in budget ? chosen.length >= budget.sentences : words >= budget.words) break;
    chosen.push(i);
    words += sentences[i]!.split(/\s+/).length;
  }
  chosen.sort((a, b) => a - b);
  const keywords = [...df.keys()].sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0)).slice(0, 5);
  const title = options.title?.trim() || headline(sentences[0] ?? '');
  return { title, language: 'en', sentences: chosen.map((i) => sentences[i]!), quotes: findQuotes(text), keywords };
}

function headline(first: string): string {
  const clause = first.split(/[.:;]/)[0] ?? first;
  return clause.length <= 90 ? clause : `${clause.slice(0, clause.lastIndexOf(' ', 90))}…`;
}

function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  const re = /[“"]([^”"]{20,})[”"],?\s*(?:([A-Z][a-z]+(?: [A-Z][a-z]+)*|he|she) (said|added|noted|told))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    quotes.push({ text: m[1]!.trim(), speaker: m[2] ?? null, cue: m[3] ?? null });
  }
  return quotes.sort((a, b) => b.text.length - a.text.length);
}
