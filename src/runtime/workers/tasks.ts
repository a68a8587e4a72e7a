// What the worker threads run: the CPU-heavy steps over one text, each a pure function of its input. The
// page reader and the summarizer hold no state between calls, so any worker can take any task.
import { summarize, type SummarizeOptions } from '../../core/summarize';
import type { ErrorCode } from '../../core/errors';
import type { RawItem, Summary } from '../../core/model';
import { extractArticle } from '../../sources/page/extract';
import { articleText } from '../../app/text-work';

export interface Tasks {
  article(input: { text: string; title: string | null }): { text: string; summary: Summary };
  summarize(input: { text: string; options: SummarizeOptions }): Summary;
  readPage(input: { html: string; url: string }): PageRead;
}

/** A page reader's answer as it crosses threads: an error's class does not survive the copy, its code does. */
export type PageRead = { ok: true; value: RawItem | null } | { ok: false; code: ErrorCode; message: string };

export const TASKS: Tasks = {
  article: ({ text, title }) => articleText(text, title),
  summarize: ({ text, options }) => summarize(text, options),
  readPage: ({ html, url }) => {
    const read = extractArticle(html, url);
    return read.ok ? read : { ok: false, code: read.error.code, message: read.error.userMessage };
  },
};

export type TaskName = keyof Tasks;
