import { describe, expect, it } from 'vitest';
import { joinBrokenLines } from '../../../src/core/text/wraps.js';
import { summarize } from '../../../src/core/summarize/index.js';

describe('joinBrokenLines', () => {
  it('takes out the period of a broken print line before a lower-case word or after a word that ends no sentence', () => {
    expect(joinBrokenLines('Florida plaintiffs . attorney Bradley Edwards filed in a circuit . court.')).toBe('Florida plaintiffs attorney Bradley Edwards filed in a circuit court.');
    expect(joinBrokenLines('A filing by Cassell and . Edwards last week.')).toBe('A filing by Cassell and Edwards last week.');
  });

  it('keeps a period that ends a sentence, and a byline block as it is', () => {
    const text = 'He scored twice for the club . The manager was pleased. By . Associated Press . PUBLISHED: . 14:11 EST';
    expect(joinBrokenLines(text)).toBe(text);
  });

  it('gives summaries whole sentences where the text broke its lines', () => {
    const text = 'Former judge Paul Cassell and Florida plaintiffs . attorney Bradley Edwards filed the lawsuit in a Florida circuit . court on Monday. ' +
      'In a filing in Florida federal court last week, Cassell and . Edwards asked to join the case. The judge will rule next month on the request.';
    const summary = summarize(text, { budget: { sentences: 3 } });
    expect(summary.sentences.join(' ')).not.toMatch(/ \. /u);
    expect(summary.sentences).toContain('In a filing in Florida federal court last week, Cassell and Edwards asked to join the case.');
  });
});
