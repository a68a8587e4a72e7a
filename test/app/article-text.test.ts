import { expect, it } from 'vitest';
import { articleText } from '../../src/app/text-work';

it('keeps every direct quote of an article, so /quotes finds all that a person said', () => {
  const text = Array.from({ length: 12 }, (_, i) => `Officials met on day ${i + 1}. "We finished stage ${i + 1} of the plan," Ann Smith said.`).join('\n\n');
  const { summary } = articleText(text, 'The plan');
  expect(summary.quotes).toHaveLength(12);
  expect(summary.quotes.every((q) => q.speaker === 'Ann Smith')).toBe(true);
});
