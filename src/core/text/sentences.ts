import { CALENDAR, NAME_TITLES, NEVER_FINAL, SENTENCE_STARTERS, TRAILING } from './abbreviations.js';
import { ATTRIBUTION_AFTER_QUOTE } from './cues.js';
import { splitParagraphs } from './paragraphs.js';
import { isSpaceCode, trimmedSpan, type Span } from './spans.js';

// Sentence boundaries in news prose. A boundary is sentence-final punctuation (with any closing quotes or
// brackets after it), then space, then something that can start a sentence. Periods are the hard part:
// titles ("Sen."), initials ("George W. Bush"), acronyms ("U.S."), months ("Jan. 5") and company suffixes
// ("Inc.") are read from the word before the period and the word after it. Decimals and domains
// ("3.5", "Censor.NET") never qualify because no space follows their period.

const TERMINATOR = /(?:[.!?…]+|\.(?:\s?\.){2,})["'”’»)\]]*(?=\s)/gu;
const CLOSERS = /["'”’»)\]]+$/u;
/** A photo caption run into the text without a stop: `… barely recognisable (pictured) Police said …`. */
const PICTURE_BREAK = /\((?:pictured|left|right|centre|center|above|below|inset)\)(?=\s+["“‘']?\p{Lu})/gu;
const OPENERS = /^["'“‘«([]/u;

/** Verbatim sentences of `text`, in order. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}

/** Sentences of `text` as spans (offsets into `text`). Paragraph and line breaks end a sentence. */
export function sentenceSpans(text: string): Span[] {
  return paragraphSentences(text).flat();
}

/** Sentence spans of each paragraph, keeping the grouping (the summarizer weighs paragraph starts). */
export function paragraphSentences(text: string): Span[][] {
  const paragraphs: Span[][] = [];
  for (const paragraph of splitParagraphs(text)) {
    const sentences: Span[] = [];
    for (const line of paragraphLines(text, paragraph)) splitLine(text, line, sentences);
    const previous = paragraphs.at(-1);
    const last = previous?.at(-1);
    const first = sentences[0];
    // A paragraph cut in the middle of a sentence (a dropped link or name in extracted text) is mended:
    // the one before is unfinished and this one goes on in lower case.
    if (previous && last && first && !/[.!?…:;"”’)\]]$/u.test(last.text) && /^\p{Ll}/u.test(first.text)) {
      previous[previous.length - 1] = { start: last.start, end: first.end, text: text.slice(last.start, first.end) };
      previous.push(...sentences.slice(1));
    } else if (sentences.length > 0) {
      paragraphs.push(sentences);
    }
  }
  return paragraphs;
}

/**
 * A single line break inside a paragraph: in hard-wrapped prose (lines of about the same width that
 * run on) it is only a space; otherwise each line is its own unit (a headline, a list item, a quote
 * signed by its author). A line that goes on in lower case always continues the sentence.
 */
function paragraphLines(source: string, paragraph: Span): Span[] {
  const breaks: number[] = [];
  for (let at = paragraph.text.indexOf('\n'); at >= 0; at = paragraph.text.indexOf('\n', at + 1)) breaks.push(paragraph.start + at);
  if (breaks.length === 0) return [paragraph];
  const wrapped = isHardWrapped(paragraph.text);
  const lines: Span[] = [];
  let from = paragraph.start;
  for (const at of breaks) {
    const before = source.slice(from, at).trimEnd();
    const next = source.slice(at + 1).trimStart()[0] ?? '';
    const finished = /[.!?:;"”’)\]]$/u.test(before) || /^["“‘«„―—–•*-]/u.test(next) || !wrapped;
    if (finished && !/\p{Ll}/u.test(next)) {
      const span = trimmedSpan(source, from, at);
      if (span) lines.push(span);
      from = at + 1;
    }
  }
  const last = trimmedSpan(source, from, paragraph.end);
  if (last) lines.push(last);
  return lines;
}

/** Lines of similar width that mostly end without punctuation: text wrapped at a fixed column. */
function isHardWrapped(text: string): boolean {
  const lines = text.split('\n').slice(0, -1);
  if (lines.length < 2) return false;
  const widths = lines.map((line) => line.trimEnd().length);
  const longest = Math.max(...widths);
  const even = widths.filter((w) => w >= longest * 0.75 && w >= 40).length;
  const runOn = lines.filter((line) => !/[.!?:;"”’)\]]\s*$/u.test(line)).length;
  return even >= lines.length * 0.75 && runOn >= lines.length * 0.5;
}

function splitLine(source: string, line: Span, out: Span[]): void {
  if (!line.text.includes(')')) return splitAtStops(source, line, out);
  let from = line.start;
  PICTURE_BREAK.lastIndex = 0;
  for (let match = PICTURE_BREAK.exec(line.text); match !== null; match = PICTURE_BREAK.exec(line.text)) {
    const end = line.start + match.index + match[0].length;
    const piece = trimmedSpan(source, from, end);
    if (piece) splitAtStops(source, piece, out);
    from = end;
  }
  const rest = trimmedSpan(source, from, line.end);
  if (rest) splitAtStops(source, rest, out);
}

function splitAtStops(source: string, line: Span, out: Span[]): void {
  let from = line.start;
  // Stepped through with exec: TERMINATOR never matches empty, and isBoundary does not use it.
  TERMINATOR.lastIndex = 0;
  for (let match = TERMINATOR.exec(line.text); match !== null; match = TERMINATOR.exec(line.text)) {
    const end = line.start + match.index + match[0].length;
    if (isBoundary(source, line.start + match.index, match[0], end, line.end)) {
      const span = trimmedSpan(source, from, end);
      if (span) out.push(span);
      from = end;
    }
  }
  const rest = trimmedSpan(source, from, line.end);
  if (rest) out.push(rest);
}

function isBoundary(source: string, at: number, mark: string, end: number, lineEnd: number): boolean {
  let after = source.slice(end, Math.min(lineEnd, end + 120));
  let closedQuote = /["'”’»]$/u.test(mark);
  // `years... " Hailey recalled`: a closing mark set off by a space still closes the quote.
  const detached = /^\s+["”’](?=\s)/u.exec(after);
  if (detached && /[.…?!]$/u.test(mark)) {
    after = after.slice(detached[0].length);
    closedQuote = true;
  }
  const next = after.trimStart();
  const first = next[0] ?? '';
  if (first === '' || /\p{Ll}/u.test(first) || /[,;:)\]%―—–-]/u.test(first)) return false;
  const punctuation = mark.replace(CLOSERS, '');
  // `"Why?" he asked.` and `"…" Hailey recalled.` stay one sentence.
  if (closedQuote && punctuation !== '.' && ATTRIBUTION_AFTER_QUOTE.test(after)) return false;
  if (!/^\.$/u.test(punctuation)) return true;
  return periodEndsSentence(wordBefore(source, at), next);
}

/** The token a period is attached to, without leading brackets or quotes: "U.S", "Sen", "W", "3". */
function wordBefore(source: string, at: number): string {
  let s = at;
  while (s > 0 && !isSpaceCode(source.charCodeAt(s - 1))) s--;
  return source.slice(s, at).replace(/^["'“‘«([]+/u, '');
}

function periodEndsSentence(word: string, next: string): boolean {
  const lower = word.toLowerCase();
  const capitalized = /^\p{Lu}\p{Ll}*$/u.test(word);
  const nextIsDigit = /^\d/u.test(next);
  if (word === '') return true;
  if (NEVER_FINAL.has(lower)) return lower === 'no' || lower === 'nos' || lower === 'art' ? !nextIsDigit : false;
  if (/^\p{L}(?:\.\p{L})+$/u.test(word)) return startsNewSentence(next); // U.S., p.m., e.g (handled above)
  if (capitalized && NAME_TITLES.has(lower) && !TRAILING.has(lower)) return false;
  if (capitalized && CALENDAR.has(lower)) return nextIsDigit ? false : startsNewSentence(next);
  if (TRAILING.has(lower)) return startsNewSentence(next);
  if (/^\p{Lu}$/u.test(word)) return startsNewSentence(next); // an initial: "George W. Bush"
  return true;
}

/** After an ambiguous period: an opening quote or a common sentence-opening word starts a new sentence. */
function startsNewSentence(next: string): boolean {
  if (OPENERS.test(next)) return true;
  const word = /^[\p{L}']+/u.exec(next)?.[0].toLowerCase() ?? '';
  return SENTENCE_STARTERS.has(word);
}
