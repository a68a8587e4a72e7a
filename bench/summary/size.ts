// Summarizing one long text, in a process of its own so its peak memory is its own:
// `node bin/run-ts.js bench/summary/size.ts BYTES [--json]`. The text is BBC articles one after another
// (paragraphs, quotes and all) up to BYTES characters; the figure is one full summary (sentences,
// quotes, keywords) after a warm-up on one ordinary article.
import { summarize } from '../../src/core/summarize/index.js';
import { loadBbc } from './bbc.js';

const bytes = Number(process.argv[2] ?? 1_000_000);
const articles = loadBbc();
const parts: string[] = [];
let length = 0;
for (let i = 0; length < bytes; i++) {
  const a = articles[i % articles.length]!;
  const piece = `${a.title}\n\n${a.body.trim()}\n\n`;
  parts.push(piece);
  length += piece.length;
}
const text = parts.join('').slice(0, bytes);
summarize(articles[0]!.body, { title: articles[0]!.title });
const rssBefore = process.resourceUsage().maxRSS / 1024;
const started = performance.now();
const cpu = process.cpuUsage();
const summary = summarize(text);
const used = process.cpuUsage(cpu);
const result = {
  bytes: text.length,
  ms: performance.now() - started,
  cpuMs: (used.user + used.system) / 1000,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  rssBeforeMb: rssBefore,
  sentences: summary.sentences.length,
  quotes: summary.quotes.length,
  read: summary.truncated?.read ?? text.length,
};
console.log(process.argv.includes('--json') ? JSON.stringify(result) : result);
