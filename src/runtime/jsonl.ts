// `tidings summarize --jsonl`: one JSON object a line in, one a line out, same order; a bad line gives
// {"id", "error"} and the batch goes on.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Budget } from '../core/model';
import { MAX_CANDIDATES } from '../core/summarize/article';
import { summarize } from '../core/summarize';
import { summaryJson } from './oneshot';

const Line = z
  .object({
    id: z.union([z.string(), z.number()]),
    text: z.string({ message: 'text must be a string' }),
    title: z.string().nullish(),
    // The summarizer ranks at most MAX_CANDIDATES sentences of an article: a longer summary cannot be had.
    sentences: z.number().int().min(1).max(MAX_CANDIDATES).optional(),
    words: z.number().int().min(1).max(20_000).optional(),
    quotes: z.enum(['all', 'key'], { message: 'quotes must be "all" or "key"' }).optional(),
  })
  .refine((l) => !(l.sentences && l.words), { message: 'give sentences or words, not both' });

/** `quotes`: what a line that does not say gets ('key': the most important ones; 'all': every direct quote). */
export function summarizeLine(line: string, quotes: 'key' | 'all' = 'key'): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { id: null, error: 'this line is not JSON' };
  }
  const parsed = Line.safeParse(raw);
  const id = (raw as { id?: unknown } | null)?.id ?? null;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { id, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const l = parsed.data;
  if (!l.text.trim()) return { id: l.id, error: 'text is empty' };
  const budget: Budget | undefined = l.words ? { words: l.words } : l.sentences ? { sentences: l.sentences } : undefined;
  return summaryJson(String(l.id), summarize(l.text, { title: l.title ?? null, quotes: l.quotes ?? quotes, ...(budget ? { budget } : {}) }));
}

export async function runJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, quotes: 'key' | 'all' = 'key'): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      out = summarizeLine(line, quotes);
    } catch (err) {
      out = { id: null, error: `could not summarize: ${(err as Error).message}` };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => output.once('drain', r));
  }
  return 0;
}
