// A story several outlets told is one digest entry: every outlet listed, the summary and quote of the best-written version.
import { describe, expect, it } from 'vitest';
import stories from '../../fixtures/stories.json';
import { buildDigest } from '../../../src/core/digest/build';
import { fingerprint } from '../../../src/core/stories/fingerprint';
import { articleRecord } from '../../fakes/records';

const NOW = '2025-06-03T12:00:00.000Z';
const options = { timezone: 'UTC', since: '2025-06-02T12:00:00.000Z', until: NOW, now: NOW, topics: [], maxStories: 10, quotes: true };

describe('buildDigest', () => {
  const told = stories.filter((s) => s.story === stories[0]!.story);
  const other = stories.find((s) => s.story !== stories[0]!.story)!;
  const article = (id: string, outlet: string, s: { title: string; text: string }, patch = {}) =>
    articleRecord(id, 'f', '2025-06-03T09:00:00.000Z', { sourceName: outlet, title: s.title, text: s.text, fingerprint: fingerprint(s.title, s.text), summary: [`${outlet} summary.`], quotes: [{ text: `${outlet} quote.`, speaker: 'Jane Doe', cue: 'said' }], ...patch });

  it('shows a story told by several outlets once, with every outlet, summarized from its longest complete text', () => {
    const [a, b, c] = told;
    const longest = { ...b!, text: `${b!.text} ${b!.text}` };
    const articles = [
      article('a', 'Outlet A', a!),
      article('b', 'Outlet B', longest),
      // The longest of all, but a teaser: not the version the entry is made from.
      article('c', 'Outlet C', { ...c!, text: `${c!.text} ${c!.text} ${c!.text}` }, { excerptOnly: true }),
      article('o', 'Outlet D', other),
    ];
    const digest = buildDigest(articles, options);
    expect(digest.entries).toHaveLength(2);
    const entry = digest.entries.find((e) => e.sources.length > 1)!;
    expect(entry.sources.map((s) => s.name)).toEqual(['Outlet B', 'Outlet A', 'Outlet C']);
    expect(entry.headline).toBe(longest.title);
    expect(entry.summary).toEqual(['Outlet B summary.']);
    expect(entry.quote?.text).toBe('Outlet B quote.');
    expect(entry.excerptOnly).toBe(false);
  });

  it('takes the quote of the next best version when the best one quotes nobody', () => {
    const [a, b] = told;
    const articles = [article('a', 'Outlet A', a!), article('b', 'Outlet B', { ...b!, text: `${b!.text} ${b!.text}` }, { quotes: [] })];
    const [entry] = buildDigest(articles, options).entries;
    expect(entry!.summary).toEqual(['Outlet B summary.']);
    expect(entry!.quote?.text).toBe('Outlet A quote.');
  });
});
