import { describe, expect, it } from 'vitest';
import { findCues } from '../../../src/core/text/cues.js';
import { WordCursor } from '../../../src/core/text/scan.js';
import { contentStems, DIGITS, RANKING_STOPWORD, scanWords, STOPWORD, wordCount, words } from '../../../src/core/text/tokens.js';

// The word cursor stands in for the word expression; these are the cases where a hand-written scan
// could part ways with it.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const TRICKY = [
  "don't o'brien rock'n'roll dogs' 'tis a'1 1'a x’y it’s",
  'İstanbul ǅemal straße ² ½ Ⅻ 日本語 ١٢٣ e\u0301 Zürich',
  '𝐀𝐁c a𝐀b \ud835 lone \udc00 surrogates 😀 emoji',
  "3.5 U.S. 2024's co-op e-mail — ‘quoted’ “double” ''",
  '',
  "'",
];

function cursorWords(text: string): string[] {
  const cursor = new WordCursor(text);
  const found: string[] = [];
  while (cursor.next()) found.push(text.slice(cursor.start, cursor.end));
  return found;
}

describe('WordCursor', () => {
  it('finds the tokens the word expression finds', () => {
    for (const text of TRICKY) {
      expect(cursorWords(text), text).toEqual(text.match(WORD) ?? []);
      expect(cursorWords(text.toLowerCase()), text).toEqual(words(text));
      expect(wordCount(text), text).toBe(words(text).length);
    }
  });

  it('tags stopwords and plain numbers on the way', () => {
    const { lower, words: found } = scanWords('The 2024 budget, the minister told us, is 12b or not');
    const tagged: Record<string, number> = {};
    for (let k = 0; k < found.length; k += 3) tagged[lower.slice(found[k], found[k + 1])] = found[k + 2] as number;
    expect(tagged['the']).toBe(RANKING_STOPWORD | STOPWORD);
    expect(tagged['told']).toBe(STOPWORD);
    expect(tagged['2024']).toBe(DIGITS);
    expect(tagged['12b']).toBe(0);
    expect(tagged['budget']).toBe(0);
    expect(contentStems('The 2024 budget, the minister told us, is 12b or not', 'en', false)).toEqual(['budget', 'minister', 'told', 'us', '12b', 'not']);
  });
});

describe('findCues', () => {
  it('finds a cue as a whole word, whatever touches it', () => {
    expect(findCues('"We won," Smith said. He told us: 5said said_ x').map((c) => c.cue)).toEqual(['said', 'told', 'said', 'said']);
    expect(findCues('saidé ésaid 𝐀said unsaid').map((c) => c.cue)).toEqual([]);
    expect(findCues('as he pointed   out, according to Jones').map((c) => [c.cue, c.index, c.length])).toEqual([
      ['pointed out', 6, 13],
      ['according to', 21, 12],
    ]);
  });

  it('reads a Kelvin sign as the k it lower-cases to', () => {
    expect(findCues('She as\u212Aed why.').map((c) => c.cue)).toEqual(['asked']);
  });
});
