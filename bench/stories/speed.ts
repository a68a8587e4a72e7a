// Grouping speed as ingestion pays it: fingerprint, match and add, per article, with 20,000 articles already in the
// index. The corpus is recombined (one article's title with another's text) into distinct articles to fill it.
import { StoryIndex } from '../../src/core/stories/story-index';
import { type Labelled, random } from './corpus';

const INDEXED = 20_000;
const TIMED = 1_000;
const RUNS = 5;

export interface Speed {
  indexed: number;
  msPerArticle: number;
  msPer1000: number;
  indexBytesPerArticle: number;
  peakRssMB: number;
  peakHeapMB: number;
}

function typedArrayBytes(o: object): number {
  let bytes = 0;
  for (const v of Object.values(o)) {
    if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)) bytes += typedArrayBytes(v);
  }
  return bytes;
}

export function measureSpeed(articles: readonly Labelled[]): Speed {
  const rnd = random(99);
  const pick = () => articles[Math.floor(rnd() * articles.length)]!;
  const made = (n: number) => Array.from({ length: n }, () => ({ title: pick().title, text: pick().text }));
  const publishedAt = '2020-01-01T12:00:00.000Z';
  const fill = made(INDEXED);
  const timed = made(TIMED);
  const medians: number[] = [];
  let peakRss = 0, peakHeap = 0, bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const index = new StoryIndex();
    fill.forEach((a, i) => {
      const fp = index.fingerprint(a.title, a.text);
      index.add({ storyId: index.match(fp, publishedAt) ?? `f${i}`, fingerprint: fp, publishedAt });
    });
    // The index's flat arrays (signatures, times, postings, term table, document frequencies), capacity included;
    // the story ids and sizes on the heap come on top.
    bytes = typedArrayBytes(index) / INDEXED;
    const started = performance.now();
    timed.forEach((a, i) => {
      const fp = index.fingerprint(a.title, a.text);
      index.add({ storyId: index.match(fp, publishedAt) ?? `t${i}`, fingerprint: fp, publishedAt });
    });
    medians.push((performance.now() - started) / TIMED);
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
  medians.sort((a, b) => a - b);
  const ms = medians[Math.floor(RUNS / 2)]!;
  return { indexed: INDEXED, msPerArticle: ms, msPer1000: ms * 1000, indexBytesPerArticle: bytes, peakRssMB: peakRss / 1048576, peakHeapMB: peakHeap / 1048576 };
}
