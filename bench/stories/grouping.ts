// The grouping under test, as Tidings runs it: each article joins a story through the story index as it arrives
// (in a shuffled order), then the digest merges stories that still tell one event.
import { StoryIndex } from '../../src/core/stories/story-index';
import { mergeGroups } from '../../src/core/stories/merge';
import type { StoryModel } from '../../src/core/stories/similarity';
import { type Labelled, shuffled } from './corpus';

const SAME_TIME = '2020-01-01T12:00:00.000Z';

/** A story label for each article, in input order. */
export function groupArticles(articles: readonly Labelled[], model: StoryModel, seed: number): string[] {
  const index = new StoryIndex([], model);
  const storyOf = new Map<string, string>();
  for (const a of shuffled(articles, seed)) {
    const story = index.match(a.fingerprint, SAME_TIME) ?? a.id;
    storyOf.set(a.id, story);
    index.add({ storyId: story, fingerprint: a.fingerprint, publishedAt: SAME_TIME });
  }
  const groups = new Map<string, { fingerprint: string; publishedAt: string }[]>();
  for (const a of articles) groups.set(storyOf.get(a.id)!, [...(groups.get(storyOf.get(a.id)!) ?? []), { fingerprint: a.fingerprint, publishedAt: SAME_TIME }]);
  const ids = [...groups.keys()];
  const into = mergeGroups([...groups.values()], model);
  const merged = new Map(ids.map((id, i) => [id, ids[into[i]!]!]));
  return articles.map((a) => merged.get(storyOf.get(a.id)!)!);
}
