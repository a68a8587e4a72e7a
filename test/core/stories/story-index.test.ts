// The story index: retellings join the first telling's story, other stories stay apart, time and numbers split,
// and the key-term shortcut finds what comparing with every indexed article finds.
import { describe, expect, it } from 'vitest';
import stories from '../../fixtures/stories.json';
import { StoryIndex } from '../../../src/core/stories/story-index';
import { decodeSignature, storyTerms } from '../../../src/core/stories/signature';
import { keyTerms } from '../../../src/core/stories/key-terms';
import { FEATURES, JOIN_LINK, gapPenalty, groupLink, pairFeatures, pairLogit, sameStoryProbability } from '../../../src/core/stories/similarity';

const at = (hours: number) => new Date(Date.parse('2025-06-03T08:00:00Z') + hours * 3_600_000).toISOString();

/** Feeds the articles to an index in order; the story each joined. */
function ingest(index: StoryIndex, articles: { title: string; text: string; hours?: number }[]): string[] {
  return articles.map((a, i) => {
    const fp = index.fingerprint(a.title, a.text);
    const story = index.match(fp, at(a.hours ?? 0)) ?? `story-${i}`;
    index.add({ storyId: story, fingerprint: fp, publishedAt: at(a.hours ?? 0) });
    return story;
  });
}

describe('StoryIndex', () => {
  it('groups each outlet’s telling into one story and keeps other stories apart', () => {
    const joined = ingest(new StoryIndex(), stories);
    const byLabel = new Map<string, Set<string>>();
    stories.forEach((s, i) => byLabel.set(s.story, (byLabel.get(s.story) ?? new Set()).add(joined[i]!)));
    for (const [label, ids] of byLabel) expect([label, ids.size]).toEqual([label, 1]);
    expect(new Set(joined).size).toBe(byLabel.size);
  });

  it('does not merge the same words told days apart, and still merges a retelling of the next morning', () => {
    const [first, second] = stories.filter((s) => s.story === stories[0]!.story);
    expect(new Set(ingest(new StoryIndex(), [{ ...first!, hours: 0 }, { ...second!, hours: 72 }])).size).toBe(2);
    expect(new Set(ingest(new StoryIndex(), [{ ...first!, hours: 0 }, { ...second!, hours: 14 }])).size).toBe(1);
    expect(gapPenalty(20 * 3_600_000)).toBeLessThan(gapPenalty(13 * 3_600_000));
    expect(gapPenalty(37 * 3_600_000)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('counts differing figures against a recurring story (last week’s jobless claims)', () => {
    const index = new StoryIndex();
    const lead = (n: string) => `First-time claims for unemployment benefits came to ${n} last week, the Labor Department said, as employers kept cutting jobs in the pandemic.`;
    const a = decodeSignature(index.fingerprint('Jobless claims fall to 576,000', lead('576,000')))!;
    const same = decodeSignature(index.fingerprint('Weekly jobless claims drop to 576,000', lead('576,000')))!;
    const other = decodeSignature(index.fingerprint('Jobless claims fall to 684,000', lead('684,000')))!;
    const f = new Float64Array(FEATURES.length);
    expect(pairFeatures(a, other, f)[FEATURES.indexOf('numbersDiffer')]).toBe(1);
    expect(pairFeatures(a, same, f)[FEATURES.indexOf('numbersDiffer')]).toBe(0);
    expect(pairLogit(a, other)).toBeLessThan(pairLogit(a, same));
  });

  it('asks for more evidence the more articles it chooses among', () => {
    expect(sameStoryProbability(0, 20_000)).toBeLessThan(sameStoryProbability(0, 30));
    // One strong pair joins a single article; a story of nine needs three.
    expect(groupLink([0.9], 1)).toBeGreaterThanOrEqual(JOIN_LINK);
    expect(groupLink([0.9, 0.1, 0.1], 9)).toBeLessThan(JOIN_LINK);
    expect(groupLink([0.9, 0.8, 0.7, 0.1], 9)).toBeGreaterThanOrEqual(JOIN_LINK);
  });

  it('finds what comparing with every indexed article that shares a key term finds, through many growths of its storage', () => {
    // Many small stories from a shared vocabulary: key terms recur, so posting chains and the table grow and rehash.
    const vocabulary = Array.from({ length: 400 }, (_, i) => `w${(i * 7919).toString(36)}x`);
    const pick = (seed: number, n: number) => Array.from({ length: n }, (_, k) => vocabulary[(seed * 31 + k * k * 17 + k) % vocabulary.length]).join(' ');
    const articles = Array.from({ length: 300 }, (_, i) => ({ title: pick(Math.floor(i / 3), 6), text: `${pick(Math.floor(i / 3) + 1, 12)} ${pick(i, 3)}` }));
    const index = new StoryIndex();
    const all: { storyId: string; fingerprint: string }[] = [];
    let joined = 0;
    articles.forEach((a, i) => {
      const fp = index.fingerprint(a.title, a.text);
      // The plain computation: every indexed article scored, grouped by story, best link at or above the bar.
      const s = decodeSignature(fp)!;
      const keys = new Set(keyTerms(s).map((t) => s.hashes[t]));
      const byStory = new Map<string, number[]>();
      const sizes = new Map<string, number>();
      for (const c of all) {
        sizes.set(c.storyId, (sizes.get(c.storyId) ?? 0) + 1);
        const other = decodeSignature(c.fingerprint)!;
        if (!keyTerms(other).some((t) => keys.has(other.hashes[t]))) continue;
        const p = sameStoryProbability(pairLogit(s, other), all.length);
        byStory.set(c.storyId, [...(byStory.get(c.storyId) ?? []), p]);
      }
      let expected: string | null = null;
      let best = JOIN_LINK;
      for (const [story, ps] of byStory) {
        const link = groupLink(ps, sizes.get(story)!);
        if (link >= best) [expected, best] = [story, link];
      }
      const found = index.match(fp);
      expect(found).toBe(expected);
      if (found) joined++;
      const storyId = found ?? `s${i}`;
      index.add({ storyId, fingerprint: fp });
      all.push({ storyId, fingerprint: fp });
    });
    expect(joined).toBeGreaterThan(50);
    expect(index.size).toBe(300);
  });

  it('still finds a retelling when every other key term is shared by hundreds of articles', () => {
    // Only the articles sharing the most key-term weight are compared in full: the one sharing the rare names
    // must be among them, however many articles the common terms bring.
    const common = Array.from({ length: 40 }, (_, i) => `c${(i * 7919).toString(36)}q`);
    const filler = (i: number) => Array.from({ length: 20 }, (_, k) => common[(i * 7 + k * 3) % common.length]).join(' ');
    const index = new StoryIndex();
    const story = 'accord';
    index.add({ storyId: story, fingerprint: index.fingerprint('Zorvath Quelline Brimstad accord', 'Zorvath and Quelline sign the Brimstad accord on river tolls.'), publishedAt: at(0) });
    const fillers = ingest(index, Array.from({ length: 800 }, (_, i) => ({ title: filler(i + 1).split(' ').slice(0, 6).join(' '), text: filler(i + 1) })));
    expect(fillers).not.toContain(story);
    const retelling = index.fingerprint('Brimstad accord signed by Zorvath, Quelline', `Zorvath and Quelline agreed the Brimstad accord on Monday. ${common.slice(3, 9).join(' ')}`);
    // Its common key terms alone bring far more articles than are compared in full.
    const s = decodeSignature(retelling)!;
    const commonTerms = new Set(storyTerms('', common.join(' ')).keys());
    expect(keyTerms(s).filter((t) => commonTerms.has(s.hashes[t]!)).length).toBeGreaterThan(1);
    expect(index.match(retelling, at(0))).toBe(story);
  });

  it('ignores empty, older-kind and malformed fingerprints', () => {
    const index = new StoryIndex([
      { storyId: 'empty', fingerprint: '' },
      { storyId: 'old-kind', fingerprint: '0123456789abcdef'.repeat(16) },
      { storyId: 'not-hex', fingerprint: `s1:${'z'.repeat(44)}` },
    ]);
    expect(index.size).toBe(0);
    expect(index.match('')).toBeNull();
  });
});
