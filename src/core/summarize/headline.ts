// A headline for a text that came without a title: the lede's main clause, short enough for a chat
// message's first line.

export const HEADLINE_LIMIT = 90;

/** Shortens a sentence to a headline: whole if it fits, else its first clause, else cut at a word. */
export function headlineFrom(sentence: string, limit = HEADLINE_LIMIT): string {
  const text = sentence.trim().replace(/\s+/gu, ' ').replace(/[.;:,]$/u, '');
  if (text.length <= limit) return text;
  // A clause break (comma, semicolon, colon, dash) late enough to leave a readable headline.
  const clauses = [...text.slice(0, limit + 1).matchAll(/[,;:]\s|\s[—–-]\s/gu)];
  for (const clause of clauses.reverse()) {
    if (clause.index >= 30) return text.slice(0, clause.index).trimEnd();
  }
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  const atWord = space >= 30 ? cut.slice(0, space) : cut;
  return `${atWord.replace(/[\s,;:—–-]+$/u, '')}…`;
}
