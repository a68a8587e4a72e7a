import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../../src/core/text/index.js';

describe('splitSentences', () => {
  it('keeps titles, initials, acronyms, times and dates inside the sentence', () => {
    const text =
      'Sen. Marco Rubio met Dr. Jane Roe in the U.S. Capitol at 3 p.m. on Jan. 5 with George W. Bush. ' +
      'They talked for an hour. The U.S. The end came later.';
    expect(splitSentences(text)).toEqual([
      'Sen. Marco Rubio met Dr. Jane Roe in the U.S. Capitol at 3 p.m. on Jan. 5 with George W. Bush.',
      'They talked for an hour.',
      'The U.S.',
      'The end came later.',
    ]);
  });

  it('does not split decimals or domains', () => {
    expect(splitSentences('Growth was 3.5% this year, according to Censor.NET, citing UP. Then it fell.')).toEqual([
      'Growth was 3.5% this year, according to Censor.NET, citing UP.',
      'Then it fell.',
    ]);
  });

  it('ends a sentence after an ambiguous abbreviation when a new sentence plainly starts', () => {
    expect(splitSentences('He works for Acme Inc. The firm is small.')).toEqual(['He works for Acme Inc.', 'The firm is small.']);
    expect(splitSentences('Shares of Acme Inc. rose sharply.')).toEqual(['Shares of Acme Inc. rose sharply.']);
  });

  it('splits a quote that holds several sentences, and keeps its attribution with it', () => {
    expect(splitSentences('"We won. It was hard," she said. "Why?" he asked. Nobody answered.')).toEqual([
      '"We won.',
      'It was hard," she said.',
      '"Why?" he asked.',
      'Nobody answered.',
    ]);
  });

  it('keeps an ellipsis before an attribution in the sentence', () => {
    expect(splitSentences('"I had not flown for years... " Hailey recalled. He flew.')).toEqual([
      '"I had not flown for years... " Hailey recalled.',
      'He flew.',
    ]);
  });

  it('ends a headline without a stop at its line break', () => {
    expect(splitSentences('Putin to meet Trump in Alaska\n\nThe meeting is set for Friday.')).toEqual([
      'Putin to meet Trump in Alaska',
      'The meeting is set for Friday.',
    ]);
  });

  it('reads hard-wrapped lines together but one-line units apart', () => {
    const wrapped = 'The council voted on Tuesday to approve the new budget for the\ncity, which includes money for schools and roads.';
    expect(splitSentences(wrapped)).toHaveLength(1);
    const signed = '"We need change." ― Ana Ruiz\n"We need jobs." ― Sam Lee';
    expect(splitSentences(signed)).toEqual(['"We need change." ― Ana Ruiz', '"We need jobs." ― Sam Lee']);
  });

  it('returns verbatim substrings', () => {
    const text = 'One  sentence here.   Another one!\n\nA third?';
    for (const sentence of splitSentences(text)) expect(text.includes(sentence)).toBe(true);
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps offsets', () => {
    const text = 'First para.\n\n  Second para.\n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['First para.', 'Second para.']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
