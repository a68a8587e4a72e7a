// Summarizer throughput alone, for timing a change quickly: `node bin/run-ts.js bench/summary/throughput.ts
// [--seconds N] [--json]` (bench:summary runs it with --json). Full summaries over BBC News Summary, counted against this process's CPU time, two ways:
//   unseen — the code warmed on half the corpus, then the other half once: articles whose words and
//            names the caches (stems, names) have not met yet, as a feed's new articles are;
//   steady — every article summarized before, then rounds over the whole corpus for N seconds: the
//            figure bench:summary reports (its quality runs have summarized every article by then).
import { summarize } from '../../src/core/summarize/index.js';
import { loadBbc, type BbcArticle } from './bbc.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';

if (!corpusPresent()) {
  console.log(`throughput skipped: the evaluation corpora are not at ${CORPUS_DIR} (see ../shared/corpus/README.md).`);
  process.exit(0);
}

const flag = process.argv.indexOf('--seconds');
const seconds = flag >= 0 ? Number(process.argv[flag + 1]) : 3;
const bbc = loadBbc();

function cpuSeconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const summarizeAll = (articles: BbcArticle[]): void => {
  for (const article of articles) summarize(article.body, { title: article.title });
};

const seen = bbc.filter((_, i) => i % 2 === 0);
const unseen = bbc.filter((_, i) => i % 2 === 1);
for (let round = 0; round < 3; round++) summarizeAll(seen);
const unseenRate = unseen.length / cpuSeconds(() => summarizeAll(unseen));

summarizeAll(bbc);
let articles = 0;
const wallStart = performance.now();
const steadySeconds = cpuSeconds(() => {
  while (performance.now() - wallStart < seconds * 1000) {
    summarizeAll(bbc);
    articles += bbc.length;
  }
});

const steadyWall = (performance.now() - wallStart) / 1000;
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ unseenPerCpuSecond: unseenRate, steadyPerCpuSecond: articles / steadySeconds, steadyPerWallSecond: articles / steadyWall, unseenArticles: unseen.length, steadyArticles: articles }));
} else {
  console.log(`unseen  ${unseenRate.toFixed(0)} articles per CPU-second (${unseen.length} articles)`);
  console.log(`steady  ${(articles / steadySeconds).toFixed(0)} articles per CPU-second (${articles} articles)`);
}
