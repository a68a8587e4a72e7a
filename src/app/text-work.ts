// The summarizer's work in line, on the calling thread: what one-shot commands and tests use, and what a
// worker thread runs for the pool (runtime/workers).
import type { Summary } from '../core/model';
import type { TextWork } from '../core/ports';
import { summarize } from '../core/summarize';
import { dropBoilerplateLines } from '../core/text/clean';

/**
 * An article as stored: its text and summary with every direct quote, most important first (the digest shows
 * the first that fits, `/quotes` and `tidings quotes` find all that a person said).
 */
export function articleText(raw: string, title: string | null): { text: string; summary: Summary } {
  const text = dropBoilerplateLines(raw);
  return { text, summary: summarize(text, { title, quotes: 'all' }) };
}

export const inlineTextWork: TextWork = {
  article: async (text, title) => articleText(text, title),
  summarize: async (text, options) => summarize(text, options),
};
