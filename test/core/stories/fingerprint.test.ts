// Story grouping measured on the same story told by several outlets (test/fixtures/stories.json) against unrelated ones.
import { describe, expect, it } from 'vitest';
import stories from '../../fixtures/stories.json';
import { SAME_STORY_SIMILARITY, fingerprint, similarity } from '../../../src/core/stories/fingerprint';
import { StoryIndex, matchStory } from '../../../src/core/stories/story-index';

const fps = stories.map((s) => ({ ...s, fp: fingerprint(s.title, s.text) }));
const pairs = fps.flatMap((a, i) => fps.slice(i + 1).map((b) => ({ same: a.story === b.story, s: similarity(a.fp, b.fp) })));

describe('fingerprint', () => {
  it('is stable and pure', () => {
    expect(fingerprint('A title', 'some words about a council vote on buses today')).toBe(fingerprint('A title', 'some words about a council vote on buses today'));
  });

  it('puts every retelling of one story above the threshold and every unrelated pair well below it', () => {
    const sameMin = Math.min(...pairs.filter((p) => p.same).map((p) => p.s));
    const otherMax = Math.max(...pairs.filter((p) => !p.same).map((p) => p.s));
    expect(sameMin).toBeGreaterThanOrEqual(SAME_STORY_SIMILARITY);
    expect(otherMax).toBeLessThan(SAME_STORY_SIMILARITY / 2);
  });

  it('leaves a bare headline out of grouping rather than guessing', () => {
    expect(fingerprint('Mayor resigns', '')).toBe('');
    expect(matchStory('', [{ storyId: 's', fingerprint: '' }])).toBeNull();
  });

  it('ignores signatures of another kind (older stored fingerprints)', () => {
    expect(similarity(fps[0]!.fp, '0123456789abcdef')).toBe(0);
  });
});

describe('StoryIndex', () => {
  it('groups each outlet’s telling into the story of the first one, and keeps other stories apart', () => {
    const index = new StoryIndex();
    const storyOf = new Map<string, string>();
    fps.forEach((s, i) => {
      const storyId = index.match(s.fp) ?? `story-${i}`;
      index.add({ storyId, fingerprint: s.fp });
      storyOf.set(`${i}`, storyId);
    });
    const groups = new Map<string, Set<string>>();
    fps.forEach((s, i) => groups.set(s.story, (groups.get(s.story) ?? new Set()).add(storyOf.get(`${i}`)!)));
    for (const [story, ids] of groups) expect([story, ids.size]).toEqual([story, 1]);
    expect(new Set(storyOf.values()).size).toBe(groups.size);
  });
});
