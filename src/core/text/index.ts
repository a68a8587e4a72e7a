export { splitParagraphs } from './paragraphs.js';
export { splitSentences, sentenceSpans, paragraphSentences } from './sentences.js';
export type { Span } from './spans.js';
export { words, stem, contentStems, STOPWORDS } from './tokens.js';
export { isBoilerplate } from './boilerplate.js';
