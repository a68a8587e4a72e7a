// Reading one large synthetic page in a process of its own, so its peak memory is the page reader's alone.
// Usage (from bench/pages/run.ts): node bin/run-ts.js bench/pages/big-page.ts SHAPE MEGABYTES → one JSON line.
// Shapes: "article" is a long article (paragraphs, inline scripts and SVG icons); "markup" is the costly kind for a
// DOM and Readability: a flat page of many small linked blocks, as a huge comment thread or listing is.
import { extractArticle } from '../../src/sources/page/extract';

const [shape = 'article', megabytes = '1'] = process.argv.slice(2);
const target = Number(megabytes) * 1024 * 1024;

const sentence = (i: number) => `Paragraph ${i} of the report says the council met on Tuesday to discuss the budget, and officials said the plan would cost more than expected.`;
const icon = '<svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5zm0 13l-10-5v6l10 5 10-5v-6l-10 5z"/></svg>';

function body(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const part =
      shape === 'markup'
        ? `<div class="c${i % 7}"><span>${i}</span><a href="/x/${i}">link ${i}</a><div class="meta"><span>by user${i % 97}</span></div></div>`
        : i % 25 === 0
          ? `<script>window.slot${i}=${JSON.stringify('x'.repeat(400))};</script><figure>${icon}<figcaption>Figure ${i}</figcaption></figure>`
          : `<p>${sentence(i)}</p>`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('\n');
}

const html = `<!doctype html><html><head><title>A long page</title><meta property="og:type" content="article"><meta property="article:published_time" content="2025-06-03T08:00:00Z"></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>A long page</h1>${body()}</article></body></html>`;
const started = performance.now();
const read = extractArticle(html, 'https://bench.example/long');
const seconds = (performance.now() - started) / 1000;
const item = read.ok ? read.value : null;
console.log(
  JSON.stringify({
    shape,
    megabytes: Number((html.length / 1048576).toFixed(2)),
    seconds: Number(seconds.toFixed(2)),
    peakRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(0)),
    textChars: item?.text.length ?? 0,
    outcome: read.ok ? (item ? 'article' : 'no article') : read.error.code,
  }),
);
