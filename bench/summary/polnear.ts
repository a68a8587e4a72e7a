// Quote extraction scored on PolNeAR (brat standoff), by the rule in the corpus README:
// gold quotes are Content spans that begin with a quotation mark, one per pair of marks; quoted words
// inside a Content span that does not begin with a mark count neither way; marks and trailing
// punctuation are stripped; a prediction matches a gold quote when the overlap coefficient of their
// lower-cased word sets is at least 0.5, one-to-one. Speaker accuracy is over matched quotes whose gold
// source is not a bare pronoun: right when the predicted speaker shares a non-stopword token with it.
import { join } from 'node:path';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords';
import { corpusPath, listFiles, readText } from './corpus.js';

export interface PredictedQuote {
  text: string;
  speaker: string | null;
}

interface GoldQuote {
  words: Set<string>;
  source: string;
  neutral: boolean;
}

export interface PolnearDocument {
  name: string;
  text: string;
  gold: GoldQuote[];
}

export interface QuoteScore {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  gold: number;
  predicted: number;
  speakerJudged: number;
}

const STOP = new Set(naturalStopwords);
const PRONOUN = /^(?:he|she|they|i|we|it|him|her|them|you|his|their|its)$/iu;
/** A Content span that opens with a quotation mark is a direct quote (the corpus' own rule). */
export const MARK = /^\s*(?:["“”'‘’«»„]|''|``)/u;
const PAIRS = /(?:''|``|["“”«»„])([\s\S]*?)(?:''|["“”«»]|$)/gu;

function wordSet(text: string): Set<string> {
  const stripped = text.replace(/["“”«»„`]|''/gu, ' ').replace(/[\s.,;:!?'’-]+$/u, '');
  return new Set(stripped.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** A brat span: its type and its [start, end) fragments in the article's text. */
export interface BratSpan {
  type: string;
  fragments: [number, number][];
}

/**
 * A brat `.ann` file: its text-bound spans (`T…` lines) by id, and its events (`E…` lines) as role → span id
 * ({ Content: "T3", Source: "T7", … }).
 */
export function readBrat(ann: string): { spans: Map<string, BratSpan>; events: Record<string, string>[] } {
  const spans = new Map<string, BratSpan>();
  const events: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const [id, middle] = line.split('\t');
    if (!id || !middle) continue;
    if (id.startsWith('T')) {
      const [type, ...rest] = middle.split(' ');
      const fragments = rest
        .join(' ')
        .split(';')
        .map((part) => part.trim().split(' ').map(Number) as [number, number]);
      spans.set(id, { type: type ?? '', fragments });
    } else if (id.startsWith('E')) {
      const roles: Record<string, string> = {};
      for (const pair of middle.trim().split(/\s+/u)) {
        const [role, target] = pair.split(':');
        if (role && target) roles[role] = target;
      }
      events.push(roles);
    }
  }
  return { spans, events };
}

function parseAnn(ann: string, text: string): GoldQuote[] {
  const { spans, events: links } = readBrat(ann);
  const gold: GoldQuote[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    const content = link['Content'] ? spans.get(link['Content']) : undefined;
    if (!content) continue;
    const key = JSON.stringify(content.fragments);
    if (seen.has(key)) continue;
    seen.add(key);
    const source = link['Source'] ? spans.get(link['Source']) : undefined;
    const sourceText = source ? source.fragments.map(([s, e]) => text.slice(s, e)).join(' ') : '';
    const contentText = content.fragments.map(([s, e]) => text.slice(s, e)).join(' ');
    const neutral = !MARK.test(contentText);
    for (const match of contentText.matchAll(PAIRS)) {
      const words = wordSet(match[1] ?? '');
      if (words.size > 0) gold.push({ words, source: sourceText, neutral });
    }
  }
  return gold;
}

export function loadPolnear(split: 'train' | 'dev'): PolnearDocument[] {
  const root = corpusPath('polnear', split);
  const annotations = listFiles(join(root, 'attributions'), '.ann');
  return listFiles(join(root, 'text'), '.txt').map((file) => {
    const base = file.replace(/\.txt$/u, '');
    const text = readText(join(root, 'text', file));
    const annFile = annotations.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
    const gold = annFile ? parseAnn(readText(join(root, 'attributions', annFile)), text) : [];
    return { name: base, text, gold };
  });
}

function speakerRight(predicted: string | null, source: string): boolean {
  if (!predicted) return false;
  const theirs = new Set(wordSet(source));
  return [...wordSet(predicted)].some((token) => !STOP.has(token) && theirs.has(token));
}

export function scoreQuotes(documents: PolnearDocument[], predict: (text: string) => PredictedQuote[], log?: string[]): QuoteScore {
  let truePositives = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let judged = 0;
  let right = 0;
  for (const document of documents) {
    const real = document.gold.filter((g) => !g.neutral);
    const neutral = document.gold.filter((g) => g.neutral);
    goldCount += real.length;
    const predictions = predict(document.text).map((p) => ({ ...p, words: wordSet(p.text) }));
    const pairs: { p: number; g: number; score: number }[] = [];
    predictions.forEach((p, i) => real.forEach((g, j) => {
      const score = overlap(p.words, g.words);
      if (score >= 0.5) pairs.push({ p: i, g: j, score });
    }));
    pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.g - b.g);
    const usedP = new Set<number>();
    const usedG = new Set<number>();
    for (const pair of pairs) {
      if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
      usedP.add(pair.p);
      usedG.add(pair.g);
      truePositives++;
      const gold = real[pair.g];
      const prediction = predictions[pair.p];
      if (gold && prediction && !PRONOUN.test(gold.source.trim()) && gold.source.trim() !== '') {
        judged++;
        if (speakerRight(prediction.speaker, gold.source)) right++;
        else log?.push(`${document.name} SPK pred=${prediction.speaker} gold=${gold.source} | ${prediction.text.slice(0, 70)}`);
      }
    }
    predictions.forEach((p, i) => {
      if (usedP.has(i)) return;
      if (neutral.some((g) => overlap(p.words, g.words) >= 0.5)) return;
      predictedCount++;
      log?.push(`${document.name} FP ${p.text.slice(0, 100)}`);
    });
    predictedCount += usedP.size;
    real.forEach((g, j) => {
      if (!usedG.has(j)) log?.push(`${document.name} FN ${[...g.words].slice(0, 14).join(' ')}`);
    });
  }
  const precision = predictedCount ? truePositives / predictedCount : 0;
  const recall = goldCount ? truePositives / goldCount : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    speakerAccuracy: judged ? right / judged : 0,
    gold: goldCount,
    predicted: predictedCount,
    speakerJudged: judged,
  };
}

/** The baseline: every pair of double marks is a quote; the speaker is the nearest capitalized name. */
export function regexQuotes(text: string): PredictedQuote[] {
  const quotes: PredictedQuote[] = [];
  const names = [...text.matchAll(/\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu)]
    .filter((m) => !/^(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That|If|When|As)$/u.test(m[0]));
  for (const match of text.matchAll(/(?:["“]|'')([^"“”]+?)(?:["”]|'')/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    let best: string | null = null;
    let distance = Infinity;
    for (const name of names) {
      const at = name.index;
      if (at >= start && at < end) continue;
      const d = at < start ? start - (at + name[0].length) : at - end;
      if (d < distance) {
        distance = d;
        best = name[0];
      }
    }
    quotes.push({ text: match[1] ?? '', speaker: best });
  }
  return quotes;
}
