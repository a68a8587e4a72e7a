import { describe, expect, it } from 'vitest';
import { runJsonl, summarizeLine } from '../../src/runtime/jsonl.js';

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
    expect(summarizeLine(JSON.stringify({ id: 't', text, sentences: 100_000 }))).toMatchObject({ id: 't', error: expect.stringMatching(/^sentences: /u) as unknown });
  });
});

describe('summarize --jsonl input', () => {
  async function run(chunks: string[], maxLineBytes: number): Promise<Record<string, unknown>[]> {
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), once: () => sink } as unknown as NodeJS.WritableStream;
    async function* input() {
      for (const c of chunks) yield Buffer.from(c);
    }
    await runJsonl(input(), sink, 'key', maxLineBytes);
    return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it('refuses a line over the limit with an error line, without holding it, and goes on with the next', async () => {
    const good = JSON.stringify({ id: 'g', text });
    const huge = `{"id":"h","text":"${'x'.repeat(good.length * 2)}`;
    // The huge line arrives in pieces, the good one split across chunks and ended by CRLF.
    const out = await run([huge.slice(0, 1_500), huge.slice(1_500), '"}\r\n', good.slice(0, 100), good.slice(100), '\r\n', '{"id":3'], good.length + 10);
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ id: null, error: expect.stringMatching(/larger than .* not an article/u) as unknown });
    expect(out[1]).toMatchObject({ id: 'g' });
    expect(out[1]).not.toHaveProperty('error');
    expect(out[2]).toEqual({ id: null, error: 'this line is not JSON' });
  });

  it('keeps multi-byte characters split across chunks whole', async () => {
    const line = JSON.stringify({ id: 'ü', text });
    const bytes = Buffer.from(line);
    const at = bytes.indexOf(Buffer.from('ü')) + 1; // inside the two bytes of ü
    let out = '';
    const sink = { write: (s: string) => ((out += s), true), once: () => sink } as unknown as NodeJS.WritableStream;
    async function* input() {
      yield bytes.subarray(0, at);
      yield bytes.subarray(at);
    }
    await runJsonl(input(), sink, 'key', 1_000_000);
    expect(JSON.parse(out.trim())).toMatchObject({ id: 'ü' });
  });
});
