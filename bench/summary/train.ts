// `npm run train:summary`: fits the sentence ranker on CNN/DailyMail (lead-heavy) and BBC News Summary
// (centrality-heavy) together, prints its cross-validated ROUGE-2 on each (k folds: fitted on the
// others, scored on the held-out one), and writes the ranker fitted on all of them to
// src/core/summarize/ranker.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES } from '../../src/core/summarize/features.js';
import { loadBbc } from './bbc.js';
import { loadCnndm } from './cnndm.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { crossValidate, example, fit, FOLDS, type Example } from './learn.js';

if (!corpusPresent()) {
  console.error(`train:summary needs the evaluation corpora at ${CORPUS_DIR} (see ../shared/corpus/README.md; TIDINGS_CORPUS names another place).`);
  process.exit(2);
}

const examples: Example[] = [
  ...loadCnndm().map((a) => example('cnndm', a.name, a.body, null, a.reference)),
  ...loadBbc().map((a) => example('bbc', a.name, a.body, a.title, a.reference)),
];
const pct = (x: number): string => (100 * x).toFixed(2);
const cv = crossValidate(examples, {
  'cnndm, 3 sentences': { corpus: 'cnndm', budget: () => ({ sentences: 3 }) },
  'cnndm, 60 words': { corpus: 'cnndm', budget: () => ({ words: 60 }) },
  'bbc, reference length': { corpus: 'bbc', budget: (e) => ({ sentences: e.k }) },
});
console.log(`Ranker, ${FOLDS}-fold cross-validated ROUGE-2 (F1, %): mean, then each held-out fold`);
for (const [name, s] of Object.entries(cv)) console.log(`${name.padEnd(24)} ${pct(s.mean).padStart(6)}   ${s.folds.map(pct).join('  ')}`);
const ranker = fit(examples);
console.log('\nweights fitted on all articles:');
FEATURES.forEach((name, i) => console.log(`  ${name.padEnd(15)} ${ranker.weights[i]?.toFixed(4)}`));
if (!process.argv.includes('--dry-run')) {
  const path = join(process.cwd(), 'src', 'core', 'summarize', 'ranker.json');
  writeFileSync(path, `${JSON.stringify({ ...ranker, trained: { cnndm: examples.filter((e) => e.corpus === 'cnndm').length, bbc: examples.filter((e) => e.corpus === 'bbc').length } }, null, 2)}\n`);
  console.log(`\nwritten ${path}`);
}
