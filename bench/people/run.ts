// `npm run bench:people`: person resolution on PolNeAR. The sources of direct quotes in each split are
// resolved as one stream (articles by day), and pairwise precision and recall of "same person" are scored
// against the hand-checked gold key in bench/people/gold/ (how it was made: gold/ABOUT.md), beside
// baselines in the same run; then resolution speed. Prints a table; writes bench/results/people.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { People } from '../../src/core/quotes/people.js';
import { nameIn } from '../../src/core/quotes/names.js';
import { articleContext, namesInText, PeopleIndex, type ResolveOptions } from '../../src/core/people/index.js';
import { CORPUS_DIR, corpusPath } from '../summary/corpus.js';
import { loadPolnearSources, type PolnearArticle } from './polnear.js';
import { pairScores, type PairScore, type Scored } from './score.js';
import { measureSpeed } from './speed.js';

if (!existsSync(corpusPath('polnear'))) {
  console.log(`bench:people skipped: PolNeAR is not at ${corpusPath('polnear')} (see ../shared/corpus/README.md; TIDINGS_CORPUS names another place).`);
  process.exit(0);
}

interface Gold {
  about: string;
  people: Record<string, string[]>;
  inDocument: Record<string, Record<string, string>>;
}

type Split = 'train' | 'dev';
type System = (article: PolnearArticle) => (source: string, at: number) => string | null;

function loadGold(split: Split): { about: string; keyOf: (document: string, source: string, at: number) => string | null } {
  const gold = JSON.parse(readFileSync(join('bench', 'people', 'gold', `polnear-${split}.json`), 'utf8')) as Gold;
  const bySource = new Map<string, string>();
  for (const [key, sources] of Object.entries(gold.people)) for (const source of sources) bySource.set(source, key);
  return {
    about: gold.about,
    keyOf: (document, source, at) => {
      const local = gold.inDocument[document]?.[String(at)];
      if (local !== undefined) return local === '#' ? null : local;
      return bySource.get(source) ?? null;
    },
  };
}

function run(articles: PolnearArticle[], split: Split, system: System): { all: PairScore; crossDocument: PairScore; scored: number; unresolved: number } {
  const { keyOf } = loadGold(split);
  const scored: Scored[] = [];
  for (const article of articles) {
    const predict = system(article);
    for (const mention of article.sources) {
      const predicted = predict(mention.source, mention.at);
      const gold = keyOf(article.name, mention.source, mention.at);
      if (gold !== null) scored.push({ document: article.name, gold, predicted });
    }
  }
  return { ...pairScores(scored), scored: scored.length, unresolved: scored.filter((s) => s.predicted === null).length };
}

const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
/** The name the quotes module takes from a source phrase (its first comma-separated part). */
const quotesName = (source: string): string | null => nameIn(source.split(',')[0] ?? '');

const systems = (options: Partial<ResolveOptions> = {}): System => {
  const index = new PeopleIndex();
  return (article) => {
    const context = articleContext(namesInText(article.text));
    return (source) => index.observe({ name: source, article: context, time: article.time }, options)?.person.id ?? null;
  };
};

const baselines: Record<string, () => System> = {
  'exact string': () => () => (source) => fold(source),
  'quotes name, exact': () => () => (source) => {
    const name = quotesName(source);
    return name ? fold(name) : null;
  },
  'quotes name, last token': () => () => (source) => {
    const name = quotesName(source);
    return name ? (fold(name).split(/\s+/u).at(-1) ?? null) : null;
  },
  // The speaker string the quotes module gives today: a surname widened to the fullest form in its article.
  'quotes speaker, exact': () => (article) => {
    const people = new People();
    people.addNarration(article.text, 0);
    return (source, at) => {
      const name = people.resolve(source, at);
      return name ? fold(name) : null;
    };
  },
};

const pct = (x: number): string => (100 * x).toFixed(2);
const results: Record<string, Record<string, ReturnType<typeof run>>> = {};
const splits: Split[] = ['dev', 'train'];
const loaded = Object.fromEntries(splits.map((s) => [s, loadPolnearSources(s)])) as Record<Split, PolnearArticle[]>;
for (const split of splits) {
  const rows: Record<string, ReturnType<typeof run>> = {};
  rows['tidings people'] = run(loaded[split], split, systems());
  rows['tidings, no bare upgrade'] = run(loaded[split], split, systems({ upgradeBare: false }));
  for (const [name, make] of Object.entries(baselines)) rows[name] = run(loaded[split], split, make());
  results[split] = rows;
}

console.log(`\nPerson resolution — PolNeAR direct-quote sources, pairwise "same person" (%), corpus ${CORPUS_DIR}`);
console.log(`Gold key: ${loadGold('dev').about}\n`);
for (const split of splits) {
  const rows = results[split] ?? {};
  const any = Object.values(rows)[0];
  console.log(`${split}: ${loaded[split].length} articles, ${any?.scored ?? 0} scored mentions, ${any?.all.goldPairs ?? 0} gold pairs (${any?.crossDocument.goldPairs ?? 0} across articles)`);
  console.log('system                       P      R      F1   | across articles: P      R      F1   | no person');
  for (const [name, r] of Object.entries(rows)) {
    const cells = (s: PairScore): string => `${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)}`;
    console.log(`${name.padEnd(26)} ${cells(r.all)}   |                 ${cells(r.crossDocument)}   | ${String(r.unresolved).padStart(4)}`);
  }
  console.log('');
}

const speed = measureSpeed([...loaded.train, ...loaded.dev]);
console.log(`Speed (per CPU-second, median of ${speed.runs} runs): ${speed.mentions} mentions over ${speed.rounds} rounds of every PolNeAR source`);
console.log(`  resolve, people repeat (index of ${speed.repeat.people} people):   ${Math.round(speed.repeat.perSecond).toLocaleString('en')} mentions/s`);
console.log(`  resolve, new people each round (index grows to ${speed.growing.people}): ${Math.round(speed.growing.perSecond).toLocaleString('en')} mentions/s`);
console.log(`  article context (names in the text, grouped): ${Math.round(speed.articlesPerSecond).toLocaleString('en')} articles/s`);

const out = join(process.cwd(), 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'people.json'), `${JSON.stringify({ gold: loadGold('dev').about, results, speed }, null, 2)}\n`);
console.log(`written ${join('bench', 'results', 'people.json')}`);
