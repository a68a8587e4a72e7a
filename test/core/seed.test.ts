import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/core/text/seed';
import { dropBoilerplateLines } from '../../src/core/text/clean';

describe('the seed format', () => {
  it('reads the date header with a leading space and keeps the text', () => {
    expect(parseSeed(' date 2025-08-13 The meeting is not a victory.\n\nSecond paragraph.')).toEqual({
      publishedAt: '2025-08-13T00:00:00.000Z',
      text: 'The meeting is not a victory.\n\nSecond paragraph.',
    });
  });

  it('takes a file without a header as plain text, and an impossible date as no date', () => {
    expect(parseSeed('Just text.')).toEqual({ publishedAt: null, text: 'Just text.' });
    expect(parseSeed('date 2025-13-45 Text.').publishedAt).toBeNull();
    expect(parseSeed('\uFEFFdate 2024-02-29\nLeap.').publishedAt).toBe('2024-02-29T00:00:00.000Z');
  });

  it('drops links to other stories from the shipped seed', () => {
    const file = readdirSync('seeds').find((f) => f.endsWith('.txt'))!;
    const seed = parseSeed(readFileSync(`seeds/${file}`, 'utf8'));
    expect(seed.publishedAt).toBe('2025-08-13T00:00:00.000Z');
    expect(seed.text).toMatch(/^The meeting with US President Donald Trump/);
    const clean = dropBoilerplateLines(seed.text);
    expect(seed.text).toContain('Read more:');
    expect(clean).not.toContain('Read more:');
    expect(clean).toContain('Rubio noted that');
  });
});
