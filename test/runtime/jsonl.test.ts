import { describe, expect, it } from 'vitest';
import { summarizeLine } from '../../src/runtime/jsonl.js';

const text = Array.from({ length: 70 }, (_, i) => `Official number ${i} of the board, Ann Smith, reviewed plan ${i} on Monday. "We will finish stage ${i} of the work soon," Smith said.`).join('\n\n');

describe('summarize --jsonl lines', () => {
  it('returns every direct quote with "quotes": "all" on a line or --quotes all for the batch, the key ones otherwise', () => {
    const key = summarizeLine(JSON.stringify({ id: 'k', text })) as { quotes: unknown[] };
    const line = summarizeLine(JSON.stringify({ id: 'a', text, quotes: 'all' })) as { quotes: unknown[] };
    const batch = summarizeLine(JSON.stringify({ id: 'b', text }), 'all') as { quotes: unknown[] };
    expect(key.quotes.length).toBeLessThanOrEqual(8);
    expect(line.quotes).toHaveLength(70);
    expect(batch.quotes).toHaveLength(70);
    expect(summarizeLine(JSON.stringify({ id: 'x', text, quotes: 'some' }))).toEqual({ id: 'x', error: 'quotes: quotes must be "all" or "key"' });
  });

  it('gives more than 50 sentences to a line that asks and whose article has them', () => {
    const out = summarizeLine(JSON.stringify({ id: 's', text, sentences: 60 })) as { summary: string[] };
    expect(out.summary).toHaveLength(60);
    expect(summarizeLine(JSON.stringify({ id: 't', text, sentences: 100_000 }))).toMatchObject({ id: 't', error: expect.stringMatching(/^sentences: /u) });
  });
});
