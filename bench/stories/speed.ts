// Grouping speed as ingestion pays it: fingerprint, match and add, per article, with 20,000 articles already in the
// index. The corpus is recombined (one article's title with another's text) into distinct articles to fill it.
// CPU time is reported beside wall time: on a shared machine the wall clock measures the neighbours too.
import { StoryIndex } from '../../src/core/stories/story-index';
import { type Labelled, random } from './corpus';

const INDEXED = 20_000;
const TIMED = 1_000;
const BATCHES = 5;

export interface Speed {
  indexed: number;
  /** Median over the batches, wall clock. */
  msPerArticle: number;
  /** Median over the batches, CPU time (user + system) of the process. */
  cpuMsPerArticle: number;
  indexBytesPerArticle: number;
  peakRssMB: number;
  peakHeapMB: number;
}

function typedArrayBytes(o: object): number {
  let bytes = 0;
  for (const v of Object.values(o) as unknown[]) {
    if (ArrayBuffer.isView(v)) bytes += v.byteLength;
    else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)) bytes += typedArrayBytes(v);
  }
  return bytes;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measureSpeed(articles: readonly Labelled[]): Speed {
  const rnd = random(99);
  const pick = () => articles[Math.floor(rnd() * articles.length)]!;
  const made = (n: number) => Array.from({ length: n }, () => ({ title: pick().title, text: pick().text }));
  const publishedAt = '2020-01-01T12:00:00.000Z';
  const index = new StoryIndex();
  const ingest = (batch: { title: string; text: string }[], tag: string) =>
    batch.forEach((a, i) => {
      const fp = index.fingerprint(a.title, a.text);
      index.add({ storyId: index.match(fp, publishedAt) ?? `${tag}${i}`, fingerprint: fp, publishedAt });
    });
  ingest(made(INDEXED), 'f');
  // The index's flat arrays (signatures, times, postings, term table, document frequencies), capacity included;
  // the story ids and sizes on the heap come on top.
  const bytes = typedArrayBytes(index) / INDEXED;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const batch = made(TIMED);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    ingest(batch, `t${b}-`);
    wall.push((performance.now() - started) / TIMED);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000 / TIMED);
  }
  const m = process.memoryUsage();
  return { indexed: INDEXED, msPerArticle: median(wall), cpuMsPerArticle: median(cpu), indexBytesPerArticle: bytes, peakRssMB: m.rss / 1048576, peakHeapMB: m.heapUsed / 1048576 };
}
