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
