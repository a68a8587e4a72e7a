import type { Span } from '../text/spans.js';

// Pairs of quotation marks inside each paragraph. Marks: straight "…", curly “…”, guillemets «…», „…“,
// and the doubled apostrophes ''…'' some wires use. A quote never crosses a paragraph: news style opens
// every paragraph of a long quote again and closes only the last, so an unclosed quote ends with its
// paragraph. Single marks (‘…’, '…') count only outside a double quote, where they are not nesting.

export interface QuotedSpan extends Span {
  /** Offset of the opening mark (equal to `start` when the opening mark is missing). */
  open: number;
  /** Offset just past the closing mark (equal to `end` when the quote runs to the paragraph's end). */
  close: number;
  paragraph: number;
  /** The opening mark was missing: a closing mark with none before it, so the quote ran from the paragraph start. */
  orphan: boolean;
  /** Quoted with single marks. */
  single: boolean;
}

// In `''…special case,'''` the last two apostrophes close the quote; the first closes a nested one.
const DOUBLE_MARKS = /''(?!')|``|[“”"«»„]/gu;
const SINGLE_MARKS = /[‘’']/gu;
// Both are stepped through with exec (neither matches empty): matchAll would clone them on every call.

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

function looksOpening(text: string, at: number, length: number): boolean {
  const before = text[at - 1];
  const after = text[at + length];
  return (isSpace(before) || /[([{—–\-/:,;]/u.test(before ?? '')) && !isSpace(after);
}

function looksClosing(text: string, at: number, length: number): boolean {
  const before = text[at - 1];
  const after = text[at + length];
  return !isSpace(before) && (isSpace(after) || /[\p{P}]/u.test(after ?? ''));
}

function push(out: QuotedSpan[], text: string, base: number, open: number, openLength: number, close: number, closeLength: number, paragraph: number, flags: { orphan: boolean; single: boolean }): void {
  let start = open + openLength;
  let end = close;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  // The comma before an attribution belongs to the sentence around the quote, not to the quote.
  while (end > start && /[\s,]/u.test(text[end - 1] ?? '')) end--;
  if (end <= start) return;
  out.push({
    start: base + start,
    end: base + end,
    text: text.slice(start, end),
    open: base + open,
    close: base + close + closeLength,
    paragraph,
    ...flags,
  });
}

/** Double-quoted spans of one paragraph (offsets relative to `text`, shifted by `base`). */
function doubleQuotes(text: string, base: number, paragraph: number): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open: { at: number; length: number; mark: string } | null = null;
  let lastClose = 0;
  // Curly marks inside a straight-quoted span (`"… isn't about “Equal Justice Under Law” anymore."`) quote within the quote.
  let nested = false;
  DOUBLE_MARKS.lastIndex = 0;
  for (let match = DOUBLE_MARKS.exec(text); match !== null; match = DOUBLE_MARKS.exec(text)) {
    const mark = match[0];
    const at = match.index;
    const length = mark.length;
    const opening = mark === '“' || mark === '«' || mark === '„' || mark === '``';
    const closing = mark === '”' || mark === '»';
    if (open && open.mark === '"') {
      if (nested) {
        if (mark === '”') nested = false;
        continue;
      }
      if (mark === '“' && looksOpening(text, at, length) && text.indexOf('”', at) > at && text.indexOf('”', at) < (text.indexOf('"', at + 1) < 0 ? Infinity : text.indexOf('"', at + 1))) {
        nested = true;
        continue;
      }
    }
    if (open) {
      const closes =
        closing ||
        (mark === '“' && open.mark === '„') ||
        // `“It's unusual,“ said Noble`: an opening mark typed where the closing one belongs, against the word before it.
        (mark === '“' && looksClosing(text, at, length) && !looksOpening(text, at, length)) ||
        ((mark === '"' || mark === "''") && (looksClosing(text, at, length) || !looksOpening(text, at, length)));
      if (closes) {
        push(out, text, base, open.at, open.length, at, length, paragraph, { orphan: false, single: false });
        open = null;
        lastClose = at + length;
      } else if (opening || looksOpening(text, at, length)) {
        // A second opening mark before any close: the first was a stray; start again here.
        open = { at, length, mark };
      }
      continue;
    }
    if (opening || ((mark === '"' || mark === "''") && looksOpening(text, at, length)) || (mark === '”' && looksOpening(text, at, length))) {
      open = { at, length, mark };
    } else if (looksClosing(text, at, length)) {
      // A closing mark with no opening one: the quote ran from the start of the paragraph (or the last close).
      push(out, text, base, lastClose, 0, at, length, paragraph, { orphan: true, single: false });
      lastClose = at + length;
    }
  }
  if (open) push(out, text, base, open.at, open.length, text.length, 0, paragraph, { orphan: false, single: false });
  return out;
}

/** Single-quoted spans of one paragraph, outside the double-quoted ones. Apostrophes are not marks. */
function singleQuotes(text: string, base: number, paragraph: number, taken: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const inside = (at: number): boolean => taken.some((q) => base + at >= q.open && base + at < q.close);
  let open: number | null = null;
  SINGLE_MARKS.lastIndex = 0;
  for (let match = SINGLE_MARKS.exec(text); match !== null; match = SINGLE_MARKS.exec(text)) {
    const at = match.index;
    if (inside(at)) continue;
    const before = text[at - 1];
    const after = text[at + 1];
    const betweenLetters = /\p{L}/u.test(before ?? '') && /\p{L}/u.test(after ?? '');
    if (betweenLetters) continue; // don't, O'Brien
    if (open === null) {
      if (match[0] !== '’' && looksOpening(text, at, 1)) open = at;
    } else if (match[0] !== '‘' && looksClosing(text, at, 1) && !/\d/u.test(after ?? '')) {
      push(out, text, base, open, 1, at, 1, paragraph, { orphan: false, single: true });
      open = null;
    } else if (match[0] === "'" && /[.!?]/u.test(before ?? '') && /\p{Lu}/u.test(after ?? '')) {
      // `honest.'But I thought`: paragraphs run together without a space; one quote closes, the next opens.
      push(out, text, base, open, 1, at, 1, paragraph, { orphan: false, single: true });
      open = at;
    }
  }
  return out;
}

/**
 * Where a text flattened from print ended its paragraphs: a period set apart by spaces before the next
 * sentence (`… role model for Berahino . ‘The question was …`). A quote left open there ends there.
 */
const PASTED_PARAGRAPH_END = /(?<=[\p{L}\p{N}]) \. (?=["“‘'(]?\p{Lu})/gu;

/** Every quoted span in the given paragraphs, in text order. */
export function quotedSpans(paragraphs: Span[]): QuotedSpan[] {
  const all: QuotedSpan[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const part of pastedParts(paragraph)) {
      const doubles = doubleQuotes(part.text, part.start, p);
      const singles = singleQuotes(part.text, part.start, p, doubles);
      all.push(...doubles, ...singles);
    }
  });
  return all.sort((a, b) => a.start - b.start);
}

/** A paragraph cut where flattened print ended its paragraphs (most paragraphs are one part). */
function pastedParts(paragraph: Span): Span[] {
  if (!paragraph.text.includes(' . ')) return [paragraph];
  const parts: Span[] = [];
  let from = 0;
  PASTED_PARAGRAPH_END.lastIndex = 0;
  for (let match = PASTED_PARAGRAPH_END.exec(paragraph.text); match !== null; match = PASTED_PARAGRAPH_END.exec(paragraph.text)) {
    const end = match.index + 2;
    parts.push({ start: paragraph.start + from, end: paragraph.start + end, text: paragraph.text.slice(from, end) });
    from = end + 1;
  }
  parts.push({ start: paragraph.start + from, end: paragraph.end, text: paragraph.text.slice(from) });
  return parts;
}
