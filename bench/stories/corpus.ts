// stories-neus-train: articles with their story label, story-wise folds, and digest-sized windows of them.
import { readFileSync } from 'node:fs';
import { corpusPath, corpusPresent } from '../summary/corpus';
import { DocumentFrequency } from '../../src/core/stories/document-frequency';
import { encodeSignature, signatureOf, storyTerms } from '../../src/core/stories/signature';

export interface Labelled {
  id: string;
  story: string;
  title: string;
  text: string;
  /** The fingerprint ingestion would store, weighted by the whole set (what the store holds). */
  fingerprint: string;
}

export const FOLDS = 5;

/** A small deterministic generator (mulberry32), so every run sees the same folds and windows. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function loadStories(): Labelled[] | null {
  const path = corpusPath('stories-neus-train', 'articles.jsonl');
  if (!corpusPresent()) return null;
  const rows = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Omit<Labelled, 'fingerprint'>);
  const terms = rows.map((r) => storyTerms(r.title, r.text));
  const df = new DocumentFrequency();
  for (const t of terms) df.add(t.keys());
  return rows.map((r, i) => ({ id: r.id, story: r.story, title: r.title, text: r.text, fingerprint: encodeSignature(signatureOf(terms[i]!, df)) }));
}

/** The fold of each story: stories shuffled once, dealt round-robin. */
export function foldsOf(articles: readonly Labelled[]): Map<string, number> {
  const stories = shuffled([...new Set(articles.map((a) => a.story))], 7);
  return new Map(stories.map((s, i) => [s, i % FOLDS]));
}

/**
 * Windows of 16–50 articles as a daily digest sees them: some stories whole, the rest of the window filled with one
 * or two articles of other stories.
 */
export function windowsOf(articles: readonly Labelled[], count: number, seed: number): Labelled[][] {
  const rnd = random(seed);
  const byStory = new Map<string, Labelled[]>();
  for (const a of articles) byStory.set(a.story, [...(byStory.get(a.story) ?? []), a]);
  const stories = [...byStory.keys()];
  return Array.from({ length: count }, () => {
    const size = 16 + Math.floor(rnd() * 35);
    const whole = size * (0.3 + rnd() * 0.5);
    const used = new Set<string>();
    const window: Labelled[] = [];
    while (window.length < size && used.size < stories.length) {
      const story = stories[Math.floor(rnd() * stories.length)]!;
      if (used.has(story)) continue;
      used.add(story);
      const told = shuffled(byStory.get(story)!, Math.floor(rnd() * 1e9));
      window.push(...told.slice(0, Math.min(size - window.length, window.length < whole ? told.length : 1 + Math.floor(rnd() * 2))));
    }
    return window;
  });
}
