// The digest-time merge: groups that tell one story join, with the same model and bar as ingestion.
import { describe, expect, it } from 'vitest';
import stories from '../../fixtures/stories.json';
import { fingerprint } from '../../../src/core/stories/fingerprint';
import { mergeGroups } from '../../../src/core/stories/merge';

const at = (hours: number) => new Date(Date.parse('2025-06-03T08:00:00Z') + hours * 3_600_000).toISOString();
const item = (s: { title: string; text: string }, hours = 0) => ({ fingerprint: fingerprint(s.title, s.text), publishedAt: at(hours) });

describe('mergeGroups', () => {
  it('joins each story’s tellings kept apart by ingestion, and nothing else', () => {
    const into = mergeGroups(stories.map((s) => [item(s)]));
    stories.forEach((s, i) =>
      stories.forEach((t, j) => expect([s.story, t.story, into[i] === into[j]]).toEqual([s.story, t.story, s.story === t.story])),
    );
  });

  it('joins a single telling to a group that already holds the story', () => {
    const [first, second, third] = stories.filter((s) => s.story === stories[0]!.story);
    const into = mergeGroups([[item(first!), item(second!)], [item(third!)], [item(stories.find((s) => s.story !== first!.story)!)]]);
    expect(into).toEqual([0, 0, 2]);
  });

  it('keeps tellings days apart in their own groups', () => {
    const [first, second] = stories.filter((s) => s.story === stories[0]!.story);
    expect(mergeGroups([[item(first!, 0)], [item(second!, 96)]])).toEqual([0, 1]);
  });

  it('leaves groups without a usable fingerprint alone', () => {
    expect(mergeGroups([[{ fingerprint: '', publishedAt: at(0) }], [{ fingerprint: '', publishedAt: at(0) }]])).toEqual([0, 1]);
  });
});
