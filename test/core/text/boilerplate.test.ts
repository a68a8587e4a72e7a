import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../../src/core/text/index.js';

describe('isBoilerplate', () => {
  it.each([
    'Read more: Putin’s visit to Alaska is result of Trump’s decisive actions, - Senator Graham',
    'Recall that the summit was announced last week.',
    'READ MORE: Markets fall again',
    'Photo: Getty Images',
    'Getty/Instagram.',
    'Share this article on Facebook',
    'Subscribe to our Telegram channel for the latest news',
    'By Jane Smith, Political Correspondent',
    'Published: 10:32, 13 August 2025',
    'Read the rest here.',
  ])('drops %s', (line) => expect(isBoilerplate(line)).toBe(true));

  it.each([
    'The meeting with US President Donald Trump is not a victory for Putin.',
    'By the end of the year, inflation had fallen to 2%.',
    'Shares rose 3% after the report was published on Monday.',
  ])('keeps %s', (line) => expect(isBoilerplate(line)).toBe(false));
});

describe('furniture in a story run into one paragraph', () => {
  it('reads a Daily Mail byline block as furniture and keeps the story', async () => {
    const { summarize } = await import('../../../src/core/summarize/index.js');
    const text =
      'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ' +
      'The bishop of the Fargo diocese has exposed hundreds of church members to the hepatitis A virus. ' +
      'The state Health Department has issued an advisory for anyone who attended five churches. ' +
      'Bishop John Folda (pictured) of the Fargo diocese is taking time off . ' +
      'Scroll down for video . ' +
      'Symptoms of hepatitis A include fever, tiredness and loss of appetite.';
    const summary = summarize(text);
    expect(summary.title).toMatch(/^The bishop of the Fargo diocese/u);
    expect(summary.sentences.length).toBeGreaterThan(0);
    expect(summary.sentences.join(' ')).not.toMatch(/PUBLISHED|Associated Press|pictured|Scroll down|EST/u);
  });

  it('tells photo captions from prose', async () => {
    const { isCaption } = await import('../../../src/core/text/boilerplate.js');
    expect(isCaption('Strictly business: Julia Louis-Dreyfus poses on the cover of the magazine .')).toBe(true);
    expect(isCaption('Mr Smith (left) and his wife arrive at court on Monday.')).toBe(true);
    expect(isCaption('Dragons Duncan Bannatyne, second left, and Peter Jones, second right, put up the money .')).toBe(true);
    expect(isCaption('Speaking to Sky Sports after the match, Van Gaal explained: he had no choice.')).toBe(false);
    expect(isCaption('The reason is simple: prices rose faster than wages.')).toBe(false);
    expect(isBoilerplate('By September, the number of broadband connections had doubled.')).toBe(false);
  });

  it('ends a caption run into the next sentence without a stop', async () => {
    const { splitSentences } = await import('../../../src/core/text/index.js');
    expect(splitSentences('His car was barely recognisable (pictured) Police said he had drunk four pints.')).toEqual([
      'His car was barely recognisable (pictured)',
      'Police said he had drunk four pints.',
    ]);
  });
});

describe('captions without a verb', () => {
  it('takes a label and the people in a picture, with no verb, for a caption', async () => {
    const { isCaption } = await import('../../../src/core/text/boilerplate.js');
    expect(isCaption('Retread: David Cameron with Samantha yesterday.')).toBe(true);
    expect(isCaption('Update: Police have arrested a man in Leeds.')).toBe(false);
    expect(isCaption('Fighting words: In a tweet directed at the star, she wrote this.')).toBe(false);
  });

  it('leaves a speaker\'s line alone', async () => {
    const { isCaption } = await import('../../../src/core/text/boilerplate.js');
    expect(isCaption('CLINTON: Absolutely not.')).toBe(false);
    expect(isCaption('Trump: "Great job, America!"')).toBe(false);
  });
});
