// Drafts the gold person key for PolNeAR direct-quote sources, for a person to check by hand: each Source
// span gets a key (`first-last`, from the fullest form of the name in its own article), `#pronoun`,
// `#description` (no name), `#organization`. Writes a TSV to review; the checked result is gold/*.json,
// written by `--freeze` from the TSV after corrections (a fifth column overrides the draft key).
// `node bin/run-ts.js bench/people/draft-gold.ts dev|train [--freeze]`
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { words as stopwords } from 'natural/lib/natural/util/stopwords';
import { looksLikePerson, nameIn, ROLE_WORDS } from '../../src/core/quotes/names.js';
import { loadPolnearSources } from './polnear.js';

const split = process.argv[2] === 'train' ? 'train' : 'dev';
const reviewFile = join('bench', 'people', 'gold', `polnear-${split}.review.tsv`);
const PRONOUN = /^(?:he|she|they|i|we|it|him|her|them|you|his|their|its|who|which|that|me|us)$/iu;
const OPENERS = /^(?:the|a|an|but|and|when|what|if|as|that|did|said|both|should|for|with|although|after|while|so|then|says|asked|despite|though|neither|within|following|still|even|now|whatever|because|several|another|top|one|some|without|like|here’s|classic|debating|celebrating|asserting|rebuking|chasing|calls|endorsed|endorse|internal|maybe|six|first|thing|team|hints|fascist|supporters|senators|professors|donor|understated|wisconsin|ag)$/iu;
const STOP = new Set(stopwords);

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z'’ -]/gu, '').replace(/['’]/gu, '');

function keyOf(tokens: string[]): string {
  const kept = tokens.filter((t) => !/^\p{Lu}\.?$|^\p{Lu}\.\p{Lu}\.$/u.test(t));
  const first = kept.length > 1 ? kept[0] : undefined;
  return fold([first, kept.at(-1)].filter(Boolean).join(' ')).replace(/\s+/gu, '-');
}

function draft(text: string, source: string): [string, string] {
  if (PRONOUN.test(source)) return ['#pronoun', ''];
  const segments = source.split(',');
  let name = nameIn(segments[0] ?? '');
  if (!name && /['’]s\b/u.test(segments[0] ?? '')) name = segments.slice(1).map((p) => nameIn(p)).find((n) => n) ?? null;
  if (!name) return ['#description', ''];
  // "one Clinton aide", "a senior Cruz adviser": a name inside a description is not the source.
  const head = (segments[0] ?? '').replace(/\([^)]*\)/gu, ' ').trim();
  if (/\s\p{Ll}[\p{L}’'-]*$/u.test(head) && !/^(?:jr|sr)\.?$/u.test(head.split(/\s+/u).at(-1) ?? '')) return ['#description', name];
  if (!looksLikePerson(name)) return ['#organization', name];
  const tokens = name.split(' ');
  if (tokens.length > 1) return [keyOf(tokens), ''];
  const surname = tokens[0] ?? '';
  const before = new Map<string, number>();
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  for (const match of text.matchAll(new RegExp(`(\\p{Lu}[\\p{L}'’-]+)\\s+(?:\\p{Lu}\\.\\s*)*${escaped}\\b`, 'gu'))) {
    const given = match[1] ?? '';
    if (OPENERS.test(given) || STOP.has(given.toLowerCase()) || ROLE_WORDS.has(given.toLowerCase()) || given.endsWith('’s')) continue;
    before.set(given, (before.get(given) ?? 0) + 1);
  }
  const ranked = [...before].sort((a, b) => b[1] - a[1]);
  const note = ranked.length === 0 ? 'NOFULL' : ranked.length > 1 ? `AMBIG ${ranked.map(([g, c]) => `${g}:${c}`).join(' ')}` : '';
  return [ranked[0] ? keyOf([ranked[0][0], surname]) : keyOf([surname]), note];
}

if (!process.argv.includes('--freeze')) {
  const rows = loadPolnearSources(split).flatMap((a) => a.sources.map((m) => [a.name, String(m.at), m.source, ...draft(a.text, m.source)]));
  if (existsSync(reviewFile)) throw new Error(`${reviewFile} exists: it may hold corrections; move it away first`);
  writeFileSync(reviewFile, `${rows.map((r) => r.join('\t')).join('\n')}\n`);
  console.log(`wrote ${reviewFile}: ${rows.length} sources`);
} else {
  // Freeze: a string that always means the same person is kept once; one whose meaning depends on the article
  // ("Clinton") is kept by article and offset. Strings not kept are not people and are not scored.
  const meanings = new Map<string, { document: string; at: string; key: string }[]>();
  for (const line of readFileSync(reviewFile, 'utf8').split('\n')) {
    const [document, at, source, key, , corrected] = line.split('\t');
    if (!document || !at || !source || !key) continue;
    const list = meanings.get(source) ?? [];
    list.push({ document, at, key: corrected && corrected !== '' ? corrected : key });
    meanings.set(source, list);
  }
  const people: Record<string, string[]> = {};
  const inDocument: Record<string, Record<string, string>> = {};
  for (const [source, list] of [...meanings].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const counts = new Map<string, number>();
    for (const m of list) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const usual = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '#';
    if (!usual.startsWith('#')) (people[usual] ??= []).push(source);
    for (const m of list) if (m.key !== usual) (inDocument[m.document] ??= {})[m.at] = m.key.startsWith('#') ? '#' : m.key;
  }
  const sortKeys = <T>(o: Record<string, T>): [string, T][] => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
  const about = readFileSync(join('bench', 'people', 'gold', 'ABOUT.md'), 'utf8').trim();
  // One line per person and per article keeps the file short and its diffs readable.
  const lines = (entries: [string, unknown][]): string => entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  const json = `{\n "about": ${JSON.stringify(about)},\n "people": {\n${lines(sortKeys(people))}\n },\n "inDocument": {\n${lines(sortKeys(inDocument))}\n }\n}\n`;
  JSON.parse(json);
  writeFileSync(join('bench', 'people', 'gold', `polnear-${split}.json`), json);
  console.log(`froze ${Object.keys(people).length} people, ${Object.keys(inDocument).length} articles with article-dependent names`);
}
