// Resolution speed over a long stream: every PolNeAR source, round after round. "repeat" resolves the same
// people again (the index stays at the corpus's people); "growing" renames every surname each round, so
// each round brings new people and the index keeps growing, as a long-running service's does. Rates are per
// CPU-second of this process, so other work on a shared machine weighs on them less than on wall time.
import { articleContext, namesInText, PeopleIndex, type ArticleContext } from '../../src/core/people/index.js';
import { ROLE_WORDS } from '../../src/core/quotes/names.js';
import type { PolnearArticle } from './polnear.js';

const ROUNDS = 20;
const RUNS = 5;

interface Prepared {
  time: number;
  context: ArticleContext;
  sources: string[];
  names: string[];
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Appends a round tag to every capitalized word but titles, so round r's "Rubio" is another surname than round 1's. */
const tagged = (text: string, round: number): string =>
  round === 0 ? text : text.replace(/\p{Lu}[\p{L}'’-]+/gu, (word) => (ROLE_WORDS.has(word.toLowerCase()) ? word : `${word}q${letters(round)}`));
const letters = (n: number): string => [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');

function stream(prepared: Prepared[][], index: PeopleIndex): number {
  let count = 0;
  for (const round of prepared) {
    for (const article of round) {
      for (const source of article.sources) {
        index.observe({ name: source, article: article.context, time: article.time });
        count++;
      }
    }
  }
  return count;
}

export function measureSpeed(articles: PolnearArticle[]) {
  const prepare = (round: number): Prepared[] =>
    articles.map((a) => {
      const names = namesInText(tagged(a.text, round));
      return { time: a.time, names, context: articleContext(names), sources: a.sources.map((s) => tagged(s.source, round)) };
    });
  const same = prepare(0);
  const repeat = Array.from({ length: ROUNDS }, () => same);
  const growing = Array.from({ length: ROUNDS }, (_, r) => (r === 0 ? same : prepare(r)));
  const timings = { repeat: [] as number[], growing: [] as number[], context: [] as number[] };
  let people = { repeat: 0, growing: 0 };
  let mentions = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const kind of ['repeat', 'growing'] as const) {
      const index = new PeopleIndex();
      const start = cpuMs();
      mentions = stream(kind === 'repeat' ? repeat : growing, index);
      timings[kind].push((mentions / (cpuMs() - start)) * 1000);
      people = { ...people, [kind]: index.size };
    }
    const start = cpuMs();
    for (const article of articles) articleContext(namesInText(article.text));
    timings.context.push((articles.length / (cpuMs() - start)) * 1000);
  }
  return {
    runs: RUNS,
    rounds: ROUNDS,
    mentions,
    repeat: { perSecond: median(timings.repeat), people: people.repeat },
    growing: { perSecond: median(timings.growing), people: people.growing },
    articlesPerSecond: median(timings.context),
  };
}
