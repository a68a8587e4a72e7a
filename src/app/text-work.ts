// The summarizer's work in line, on the calling thread: what one-shot commands and tests use, and what a
// worker thread runs for the pool (runtime/workers).
import type { Summary } from '../core/model';
import type { TextWork } from '../core/ports';
import { summarize } from '../core/summarize';
import { dropBoilerplateLines } from '../core/text/clean';

export function articleText(raw: string, title: string | null): { text: string; summary: Summary } {
  const text = dropBoilerplateLines(raw);
  return { text, summary: summarize(text, { title }) };
}

export const inlineTextWork: TextWork = {
  article: async (text, title) => articleText(text, title),
  summarize: async (text, options) => summarize(text, options),
};
