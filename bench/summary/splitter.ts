// Sentence-boundary precision/recall/F1 on the hand-corrected gold set. A boundary is counted as the
// number of characters before it other than spaces and double quotation marks: the gold set writes each
// sentence of a multi-sentence quote inside its own marks, and neither spacing nor that should count.
// The end of the text is not a boundary (every splitter gets it for free).
import { join } from 'node:path';
import { corpusPath, listFiles, readText } from './corpus.js';

export type Splitter = (text: string) => string[];

export interface SplitterScore {
  precision: number;
  recall: number;
  f1: number;
  documents: number;
}

const IGNORED = /[\s"“”]+/gu;

function flatten(text: string): string {
  return text.replace(IGNORED, '');
}

function boundaries(sentences: string[]): Set<number> {
  const result = new Set<number>();
  let count = 0;
  for (const sentence of sentences) {
    count += flatten(sentence).length;
    result.add(count);
  }
  result.delete(count);
  return result;
}

/**
 * The hand corrections sometimes change the text a little (a dropped dash, a merged clause), which would
 * shift every later count. Each gold boundary is re-anchored in the article by the characters around it.
 */
function anchoredGold(gold: string[], article: string): Set<number> {
  const goldFlat = flatten(gold.join(' '));
  const articleFlat = flatten(article);
  const result = new Set<number>();
  let drift = 0;
  for (const boundary of boundaries(gold)) {
    const expected = boundary + drift;
    const before = goldFlat.slice(Math.max(0, boundary - 16), boundary);
    const after = goldFlat.slice(boundary, boundary + 16);
    let found = -1;
    for (let delta = 0; delta <= 60 && found < 0; delta++) {
      for (const at of [expected + delta, expected - delta]) {
        if (articleFlat.slice(at - before.length, at) === before || articleFlat.slice(at, at + after.length) === after) {
          found = at;
          break;
        }
      }
    }
    if (found >= 0) drift = found - boundary;
    result.add(found >= 0 ? found : expected);
  }
  return result;
}

export interface GoldDocument {
  name: string;
  text: string;
  gold: string[];
}

export function loadSentenceGold(): GoldDocument[] {
  const root = corpusPath('sentences-gold');
  const documents: GoldDocument[] = [];
  for (const category of listFiles(root, '')) {
    for (const file of listFiles(join(root, category), '.txt')) {
      const gold = readText(join(root, category, file))
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const text = readText(corpusPath('bbc-news-summary', 'articles', category, file));
      documents.push({ name: `${category}/${file}`, text, gold });
    }
  }
  return documents;
}

export function scoreSplitter(documents: GoldDocument[], split: Splitter, misses?: string[]): SplitterScore {
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  for (const document of documents) {
    const gold = anchoredGold(document.gold, document.text);
    const ours = boundaries(split(document.text));
    predicted += ours.size;
    expected += gold.size;
    for (const boundary of ours) if (gold.has(boundary)) truePositives++;
    if (misses) {
      const flat = flatten(document.text);
      for (const b of ours) if (!gold.has(b)) misses.push(`${document.name} FP: …${flat.slice(b - 40, b)} | ${flat.slice(b, b + 25)}`);
      for (const b of gold) if (!ours.has(b)) misses.push(`${document.name} FN: …${flat.slice(b - 40, b)} | ${flat.slice(b, b + 25)}`);
    }
  }
  const precision = predicted ? truePositives / predicted : 0;
  const recall = expected ? truePositives / expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, documents: documents.length };
}
