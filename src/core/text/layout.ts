import { BYLINE_OPENER, isBoilerplate, isBylineName, isCaption, opensLinkParagraph } from './boilerplate.js';
import { paragraphSentences } from './sentences.js';
import { isSpaceCode, type Span } from './spans.js';

// An article's paragraphs and sentences with its furniture marked: what the summarizer ranks and the quote
// finder reads are the same sentences.

export interface ArticleSentence extends Span {
  paragraph: number;
  /** Its place in its paragraph (0: the paragraph's first sentence). */
  inParagraph: number;
  /** Page furniture: a byline, a dateline, a photo caption, a cross-link. Never summarized, quoted or a headline. */
  boilerplate: boolean;
}

/** A cross-link paragraph is short: a longer one that opens with "Read more" is a story run together. */
const LINK_PARAGRAPH_WORDS = 60;

/** "(CNN) -- ", "LONDON, England (Reuters) -- ": the wire's dateline before a story's first sentence. */
const WIRE_DATELINE = /^(?:[\p{Lu}][\p{Lu}\p{L} ,.'-]{0,60}\s)?\((?:CNN|Reuters|AP|AFP|EW\.com|CNET|Mashable|[\p{Lu}]{2,8})\)\s*(?:--|—|–|-)\s*/u;

/**
 * Sentences with what is furniture among them: a cross-link paragraph ("Read more: …" with a headline
 * after it) as a whole; bylines (with the name after a lone "By"), datelines and photo captions one by one.
 */
export function splitWithBoilerplate(text: string): { sentences: ArticleSentence[]; paragraphs: Span[] } {
  const sentences: ArticleSentence[] = [];
  const paragraphs: Span[] = [];
  let afterBy = false;
  let storyStarted = false;
  paragraphSentences(text).forEach((paragraph, p) => {
    const first = paragraph[0];
    const last = paragraph.at(-1);
    if (first && last) paragraphs.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end) });
    const whole = first !== undefined && last !== undefined && opensLinkParagraph(first.text) && wordsIn(text.slice(first.start, last.end)) <= LINK_PARAGRAPH_WORDS;
    paragraph.forEach((span, i) => {
      const boilerplate = whole || isBoilerplate(span.text) || (afterBy && isBylineName(span.text)) || ((span.text.includes('(') || span.text.includes(':')) && isCaption(span.text));
      afterBy = BYLINE_OPENER.test(span.text);
      let start = span.start;
      // The first real sentence of the story loses the wire's dateline in front of it.
      if (!boilerplate && !storyStarted) {
        storyStarted = true;
        const dateline = WIRE_DATELINE.exec(span.text);
        if (dateline && dateline[0].length < span.text.length) start += dateline[0].length;
      }
      sentences.push({ start, end: span.end, text: text.slice(start, span.end), paragraph: p, inParagraph: i, boilerplate });
    });
  });
  return { sentences, paragraphs };
}

/** Words as a reader counts them (runs of non-space), for length limits and budgets. */
export function wordsIn(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
