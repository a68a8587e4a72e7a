// `tidings summarize --jsonl`: one JSON object a line in, one a line out, same order; a bad line gives
// {"id", "error"} and the batch goes on.
import { z } from 'zod';
import type { Budget } from '../core/model';
import { MAX_CANDIDATES } from '../core/summarize/article';
import { summarize } from '../core/summarize';
import { MAX_FILE_BYTES } from '../sources/local';
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

/**
 * The input's lines, each at most `maxBytes` long: a longer line is passed over up to its end and given as
 * null, so one huge line costs its limit in memory, not its size.
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<string | null> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  for await (const chunk of input) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
      const piece = buf.subarray(0, nl);
      if (tooLong || size + piece.length > maxBytes) yield null;
      else yield Buffer.concat([...parts, piece]).toString('utf8').replace(/\r$/, '');
      parts = [];
      size = 0;
      tooLong = false;
      buf = buf.subarray(nl + 1);
    }
    if (tooLong) continue;
    if (size + buf.length > maxBytes) {
      tooLong = true;
      parts = [];
      size = 0;
    } else if (buf.length) {
      parts.push(Buffer.from(buf));
      size += buf.length;
    }
  }
  if (tooLong) yield null;
  else if (size) yield Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
}

export async function runJsonl(input: AsyncIterable<Buffer | string>, output: NodeJS.WritableStream, quotes: 'key' | 'all' = 'key', maxLineBytes = MAX_FILE_BYTES): Promise<number> {
  for await (const line of boundedLines(input, maxLineBytes)) {
    if (line !== null && !line.trim()) continue;
    let out: Record<string, unknown>;
    try {
      out = line === null ? { id: null, error: `this line is larger than ${Math.round(maxLineBytes / 1024 / 1024)} MB; it is not an article` } : summarizeLine(line, quotes);
    } catch (err) {
      out = { id: null, error: `could not summarize: ${(err as Error).message}` };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => output.once('drain', r));
  }
  return 0;
}
