import { words as stopwords } from 'natural/lib/natural/util/stopwords';
import { sameFirstName, sameGiven } from './given.js';
import { fold, parseName, type ParsedName } from './name.js';

// The people an article names in full, which decide what a bare surname in it means: "Clinton" is Bill in
// an article that names Bill Clinton five times and Hillary Clinton three.

/** One person named in full in an article, with how often. */
export interface ArticleName {
  parsed: ParsedName;
  count: number;
  /** Order of first appearance, to break ties the same way every time. */
  first: number;
}

/** The full names of an article by surname key; build it once per article (`articleContext`). */
export interface ArticleContext {
  byKey: ReadonlyMap<string, readonly ArticleName[]>;
  /** The same names by folded first name, for a person called by first name alone ("Melanie", "Hillary"). */
  byGiven: ReadonlyMap<string, readonly ArticleName[]>;
}

const STOP = new Set(stopwords);
/** Abbreviations that end in a period without ending a name run ("Sen. Marco Rubio", "Donald J. Trump"). */
const DOTTED = /^(?:\p{Lu}\.)+$|^(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|col|capt|sgt|adm|prof|rev|st|jr|sr|del|amb|pres|sens|reps)\.$/iu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:al|el)-\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*)$/u;
const INITIAL = /^(?:\p{Lu}\.)+$/u;
const PARTICLE = /^(?:van|von|den|der|de|del|della|di|da|du|dos|la|le|bin|ibn|al|el|ter|ten)$/u;

/** The runs of capitalized words in a text that parse as a person's full name, in text order. */
export function namesInText(text: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  let opensSentence = true;
  let sentenceStart = true;
  const close = (): void => {
    while (run.length > 0 && PARTICLE.test(run.at(-1) ?? '')) run.pop();
    if (run.length >= 2) found.push(run.join(' '));
    // A name can run into the capitalized words after it ("Barack Obama Election Day"), and a sentence's
    // first word into the name after it ("Billionaire Donald Trump"): the parts may be the name.
    if (run.length >= 4) found.push(run.slice(0, 2).join(' '), run.slice(0, 3).join(' '));
    if (run.length >= 3 && opensSentence && !INITIAL.test(run[1] ?? '')) found.push(run.slice(1).join(' '));
    run = [];
  };
  for (const line of text.split(/\n/u)) {
    // A line (a headline, a paragraph) starts afresh.
    close();
    sentenceStart = true;
    for (const raw of line.split(/\s+/u)) {
      if (raw === '') continue;
      const opensQuote = /^["“'‘(]/u.test(raw);
      const token = raw.replace(/^["“'‘(]+/u, '').replace(/(?:['’]s)?["”'’),;:!?]*$/u, '');
      if (opensQuote) close();
      const ended = /[.!?]["”'’)]*$/u.test(raw) && !DOTTED.test(token);
      // A capitalized word that opens a sentence ("When", "But") is no part of a name.
      if ((NAME_WORD.test(token) || (run.length > 0 && PARTICLE.test(token))) && !(run.length === 0 && STOP.has(token.toLowerCase()))) {
        if (run.length === 0) opensSentence = sentenceStart;
        run.push(ended ? token.replace(/\.$/u, '') : token);
        if (ended || /(?:['’]s?|[,;:!?)"”])$/u.test(raw)) close();
      } else {
        close();
      }
      sentenceStart = ended;
    }
  }
  close();
  return found;
}

/** Groups the full names of an article (`namesInText`, or the names its quotes carry) by surname key. */
export function articleContext(names: Iterable<string>): ArticleContext {
  const byKey = new Map<string, ArticleName[]>();
  const byGiven = new Map<string, ArticleName[]>();
  let order = 0;
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed || parsed.given.length === 0 || parsed.given.some((g) => STOP.has(g.toLowerCase()))) continue;
    const list = byKey.get(parsed.key) ?? [];
    // "Loretta Lynch" and "Loretta E. Lynch" are one person of the article; the fuller form names them.
    const same = list.find((n) => n.parsed.suffix === parsed.suffix && sameGiven(n.parsed.given, parsed.given));
    if (same) {
      same.count++;
      if (parsed.given.length > same.parsed.given.length && sameFirstName(parsed.given[0] ?? '', same.parsed.given[0] ?? '')) same.parsed = parsed;
    } else {
      list.push({ parsed, count: 1, first: order });
    }
    order++;
    byKey.set(parsed.key, list);
  }
  for (const [key, list] of byKey) {
    // "Year Barack Obama" (a sentence's first word run into the name) counts for "Barack Obama".
    const kept = list.filter((n) => {
      const shorter = list.find((m) => m !== n && m.parsed.given.length === n.parsed.given.length - 1 && m.parsed.given.every((g, i) => fold(g) === fold(n.parsed.given[i + 1] ?? '')));
      if (shorter) shorter.count += n.count;
      return !shorter;
    });
    byKey.set(key, kept);
    for (const n of kept) {
      const first = fold(n.parsed.given[0] ?? '');
      byGiven.set(first, [...(byGiven.get(first) ?? []), n]);
    }
  }
  return { byKey, byGiven };
}
