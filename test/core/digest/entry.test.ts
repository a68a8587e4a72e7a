import { describe, expect, it } from 'vitest';
import { entrySummary, keyQuote, trimQuote, wordsIn } from '../../../src/core/digest/entry.js';

const sentence = (n: number, word = 'word'): string => `${Array.from({ length: n - 1 }, () => word).join(' ')} end.`;

describe('entrySummary', () => {
  it('keeps whole sentences within the word budget, in order, skipping one that would overflow', () => {
    const kept = entrySummary([sentence(30, 'a'), sentence(40, 'b'), sentence(20, 'c')], 'Headline', 60);
    expect(kept).toEqual([sentence(30, 'a'), sentence(20, 'c')]);
    expect(wordsIn(kept.join(' '))).toBeLessThanOrEqual(60);
  });

  it('lets only a first sentence longer than the budget stand alone, and never says the headline twice', () => {
    expect(entrySummary([sentence(80), sentence(10)], 'Headline', 60)).toEqual([sentence(80)]);
    expect(entrySummary(['The council approved the budget.', 'Schools get more money.'], 'The council approved the budget', 60)).toEqual(['Schools get more money.']);
  });
});

describe('key quote', () => {
  const long =
    'We have worked on this for three years and nobody believed us. The first trials were a disaster and we nearly gave up twice. ' +
    'Then the money came from the city and everything changed overnight for the team. Now the bridge carries forty thousand cars every single day.';

  it('cuts a long quote to its most informative sentences, verbatim, marking every cut with an ellipsis', () => {
    const trimmed = trimQuote(long, new Set(), 40);
    expect(wordsIn(trimmed.replace(/…/gu, ''))).toBeLessThanOrEqual(40);
    expect(trimmed).toContain('…');
    for (const piece of trimmed.split('…').map((p) => p.trim()).filter((p) => p !== '')) expect(long).toContain(piece);
  });

  it('keeps a quotation inside the quote closed, and drops only a mark left alone at an edge', () => {
    const nested = "You see people going crazy: 'Oh, what a victory for Putin; he got a meeting!' He doesn't see it that way.";
    expect(trimQuote(nested, new Set(), 40)).toBe(nested);
    expect(trimQuote("The club will fight on.' We owe it to the fans.", new Set(), 40)).toBe('The club will fight on. We owe it to the fans.');
    expect(trimQuote("'We owe it to the fans. The club will fight on.", new Set(), 40)).toBe('We owe it to the fans. The club will fight on.');
  });

  it('never joins separate quotations without a mark', () => {
    const trimmed = trimQuote('I am absolutely delighted with the result … The horse did not even know it had won the race', new Set(), 40);
    expect(trimmed).toBe('I am absolutely delighted with the result … The horse did not even know it had won the race');
  });

  it('does not repeat what the summary says', () => {
    const summary = ['Now the bridge carries forty thousand cars every single day, the mayor said.'];
    const quote = keyQuote([{ text: long, speaker: 'Ann Lee', cue: 'said' }], summary);
    expect(quote?.text).not.toMatch(/forty thousand/u);
    expect(keyQuote([{ text: 'Now the bridge carries forty thousand cars every single day.', speaker: 'Ann Lee', cue: 'said' }], summary)).toBeNull();
  });

  it('prefers a named speaker and a quote that says enough', () => {
    const quote = keyQuote(
      [
        { text: 'a disaster', speaker: 'Ann Lee', cue: 'said' },
        { text: 'The plan will cost far more than anyone admits today.', speaker: null, cue: null },
        { text: 'We will build the bridge on time and within the budget.', speaker: 'Bob Day', cue: 'said' },
      ],
      ['The city approved a plan.'],
    );
    expect(quote?.speaker).toBe('Bob Day');
  });
});

describe('key quote, as a reader meets it', () => {
  it('says a quotation given twice only once', () => {
    const text = 'The name is not something I chose. It has a very personal meaning for me. … It has a very personal meaning for me';
    expect(trimQuote(text, new Set(), 40)).toBe('The name is not something I chose. It has a very personal meaning for me.');
  });

  it('prefers a whole utterance to words woven into a sentence of narration', () => {
    const quotes = [
      { text: 'inside shipping containers full of bananas', speaker: 'Prosecutors', cue: 'said' },
      { text: 'We knew the shipments were being watched from the start', speaker: 'Ralph Mata', cue: 'said' },
    ];
    expect(keyQuote(quotes, ['Police arrested an officer.'])?.speaker).toBe('Ralph Mata');
    expect(keyQuote(quotes.slice(0, 1), ['Police arrested an officer.'])).toBeNull();
  });
});

describe('entrySummary, print flattened into one paragraph', () => {
  it('sets a pasted period back against its sentence', () => {
    expect(entrySummary(['United boss Louis van Gaal admitted he had to substitute McNair against Southampton .'], '', 60)).toEqual(['United boss Louis van Gaal admitted he had to substitute McNair against Southampton.']);
  });
});
