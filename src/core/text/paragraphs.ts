import { trimmedSpan, type Span } from './spans.js';

/**
 * Paragraphs are blocks separated by a blank line. A text without any blank line but with line breaks
 * (a feed's plain text often comes that way) is taken one line per paragraph.
 */
export function splitParagraphs(text: string): Span[] {
  const separator = /\n[ \t\u00a0]*\n\s*/gu.test(text) ? /\n[ \t\u00a0]*\n\s*/gu : /\n\s*/gu;
  const paragraphs: Span[] = [];
  let from = 0;
  for (const match of text.matchAll(separator)) {
    const span = trimmedSpan(text, from, match.index);
    if (span) paragraphs.push(span);
    from = match.index + match[0].length;
  }
  const last = trimmedSpan(text, from, text.length);
  if (last) paragraphs.push(last);
  return paragraphs;
}
