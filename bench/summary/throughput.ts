// Summarizer throughput alone (the last figure of bench:summary without its quality runs), for timing a
// change quickly: `node bin/run-ts.js bench/summary/throughput.ts [--seconds N]`. Same measure: full
// summaries over BBC News Summary, counted against this process's CPU time, after a warm-up pass over the
// whole corpus (in bench:summary the quality runs have summarized every article by then).
import { summarize } from '../../src/core/summarize/index.js';
import { loadBbc } from './bbc.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';

if (!corpusPresent()) {
  console.log(`bench:throughput skipped: the evaluation corpora are not at ${CORPUS_DIR} (see ../shared/corpus/README.md).`);
  process.exit(0);
}

const flag = process.argv.indexOf('--seconds');
const seconds = flag >= 0 ? Number(process.argv[flag + 1]) : 3;
const bbc = loadBbc();
for (const article of bbc) summarize(article.body, { title: article.title });
const wallStart = performance.now();
const cpuStart = process.cpuUsage();
let rounds = 0;
while (performance.now() - wallStart < seconds * 1000) {
  for (const article of bbc) summarize(article.body, { title: article.title });
  rounds++;
}
const cpu = process.cpuUsage(cpuStart);
const articles = rounds * bbc.length;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const wallSeconds = (performance.now() - wallStart) / 1000;
console.log(`${(articles / cpuSeconds).toFixed(0)} articles per CPU-second (${(articles / wallSeconds).toFixed(0)} per wall-clock second), ${articles} articles`);
