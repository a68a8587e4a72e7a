// The summarizer's work is bounded by design: it reads at most MAX_TEXT_CHARS of a text, cut where a
// paragraph (else a sentence, else a word) ends, and ranks at most MAX_CANDIDATES sentences (article.ts).
// A summary of a longer text says how much it read (`truncated`).

/** How much of a text the summarizer reads: about 15,000 words, far more than any news article. */
export const MAX_TEXT_CHARS = 100_000;

/** The text up to MAX_TEXT_CHARS, ending at the last paragraph break, sentence end or space before it. */
export function readablePart(text: string, limit = MAX_TEXT_CHARS): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const floor = limit / 2;
  const paragraph = head.lastIndexOf('\n');
  if (paragraph >= floor) return head.slice(0, paragraph).trimEnd();
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
  if (sentence >= floor) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return space >= floor ? head.slice(0, space) : head;
}
