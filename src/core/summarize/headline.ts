// A headline for a text that came without a title: the lede's main clause, short enough for a chat
// message's first line.

export const HEADLINE_LIMIT = 90;
/** A headline may run this much past the limit to end where its sentence or clause ends, not mid-name. */
const STRETCH = 20;
/** Shorter than this is no headline: a cut keeps at least this much. */
const MIN_HEADLINE = 30;

const SMALL = /^(?:a|an|the|of|to|in|on|at|for|and|or|but|with|by|from|as|that)$/iu;

/** Shortens a sentence to a headline: whole if it fits, else its first clause, else cut at a word. */
export function headlineFrom(sentence: string, limit = HEADLINE_LIMIT): string {
  const text = sentence.trim().replace(/\s+/gu, ' ').replace(/[.;:,]$/u, '');
  if (text.length <= limit) return text;
  // A clause break (comma, semicolon, colon, dash) late enough to leave a readable headline: the last one
  // within the limit, else the first one within the stretch.
  const clauses = [...text.slice(0, limit + STRETCH + 1).matchAll(/[,;:]\s|\s[—–-]\s/gu)].filter((c) => c.index >= MIN_HEADLINE);
  const clause = clauses.filter((c) => c.index <= limit).at(-1) ?? clauses[0];
  if (clause) return text.slice(0, clause.index).trimEnd();
  if (text.length <= limit + STRETCH) return text;
  const words = text.slice(0, limit + 1).split(' ');
  words.pop(); // the word the limit falls in (or the one right after it)
  // "… Russian dictator Vladimir…" cuts a name: end before the run of capitalized words instead.
  const next = text.slice(words.join(' ').length + 1).split(' ')[0] ?? '';
  const capital = (w: string) => /^\p{Lu}/u.test(w);
  if (capital(next)) {
    let keep = words.length;
    while (keep > 0 && capital(words[keep - 1] ?? '')) keep--;
    if (words.slice(0, keep).join(' ').length >= MIN_HEADLINE) words.length = keep;
  }
  // Nor on a word that leads into what was cut ("… the mayor of…").
  while (words.length > 1 && SMALL.test(words.at(-1) ?? '') && words.slice(0, -1).join(' ').length >= MIN_HEADLINE) words.pop();
  const atWord = words.join(' ').length >= MIN_HEADLINE ? words.join(' ') : text.slice(0, limit);
  return `${atWord.replace(/[\s,;:—–-]+$/u, '')}…`;
}
