import { trimmedSpan, type Span } from './spans.js';

// Stepped through with exec (a separator is never empty); module-level, so not cloned on every call.
const BLANK_LINE = /\n[ \t\u00a0]*\n\s*/gu;
const LINE_BREAK = /\n\s*/gu;

/**
 * Paragraphs are blocks separated by a blank line. A text without any blank line but with line breaks
 * (a feed's plain text often comes that way) is taken one line per paragraph.
 */
export function splitParagraphs(text: string): Span[] {
  BLANK_LINE.lastIndex = 0;
  const separator = BLANK_LINE.test(text) ? BLANK_LINE : LINE_BREAK;
  const paragraphs: Span[] = [];
  let from = 0;
  separator.lastIndex = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    const span = trimmedSpan(text, from, match.index);
    if (span) paragraphs.push(span);
    from = match.index + match[0].length;
  }
  const last = trimmedSpan(text, from, text.length);
  if (last) paragraphs.push(last);
  return paragraphs;
}
