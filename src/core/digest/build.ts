// From stored articles to a digest: group by story, rank, cap. Pure: the caller supplies the articles and "now".
import type { Article, Digest, DigestEntry, Story } from '../model';
import { mergeGroups } from '../stories/merge';
import { ENTRY_WORDS, entrySummary, keyQuote } from './entry';

export interface DigestOptions {
  timezone: string;
  since: string;
  until: string;
  now: string;
  topics: string[];
  maxStories: number;
  quotes: boolean;
  /** Words a story's summary may use (config/defaults.json `digest.summaryWords`); ENTRY_WORDS when absent. */
  summaryWords?: number;
}

/** Articles grouped by the story ingestion gave them. */
export function groupByStory(articles: Article[]): Story[] {
  const byStory = new Map<string, Article[]>();
  for (const a of articles) {
    const list = byStory.get(a.storyId);
    if (list) list.push(a);
    else byStory.set(a.storyId, [a]);
  }
  return [...byStory].map(([id, list]) => ({ id, articles: list }));
}

/**
 * Stories that tell one event become one: two outlets' tellings ingested in different runs, or before the other was
 * known, still make one entry with several sources. The same model and bar as ingestion (core/stories), compared
 * among the stories given; near-linear, so the whole window can be passed.
 */
export function mergeNearDuplicates(stories: Story[]): Story[] {
  const into = mergeGroups(stories.map((s) => s.articles));
  const merged = new Map<number, Story>();
  stories.forEach((s, i) => {
    const target = merged.get(into[i]!);
    if (target) target.articles.push(...s.articles);
    else merged.set(into[i]!, { id: s.id, articles: [...s.articles] });
  });
  return [...merged.values()];
}

/** One story per event: grouped by story id, then near-duplicates merged. */
export function groupStories(articles: Article[]): Story[] {
  return mergeNearDuplicates(groupByStory(articles));
}

/** Whole-word, case-insensitive match of any topic in the story's title, keywords or text. */
export function matchesTopics(story: Story, topics: string[]): number {
  if (!topics.length) return 0;
  const hay = story.articles.map((a) => `${a.title}\n${a.keywords.join(' ')}\n${a.text}`).join('\n').toLowerCase();
  return topics.filter((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t.toLowerCase())}([^\\p{L}\\p{N}]|$)`, 'u').test(hay)).length;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Ranks stories by how many outlets carry them, how recent they are, how well they match the chat's
 * topics, and how much they say (a story with a quote and a full summary beats a one-line teaser).
 */
export function rankStories(stories: Story[], topics: string[], now: string): Story[] {
  const nowMs = Date.parse(now);
  const score = (s: Story) => {
    const sources = new Set(s.articles.map((a) => a.sourceName)).size;
    const newest = Math.max(...s.articles.map((a) => Date.parse(a.publishedAt) || Date.parse(a.ingestedAt)));
    const ageHours = Math.max(0, (nowMs - newest) / 3_600_000);
    const recency = 1 / (1 + ageHours / 24);
    const salience = Math.min(1, Math.max(...s.articles.map((a) => a.summary.length)) / 3) + (s.articles.some((a) => a.quotes.length) ? 0.5 : 0);
    return 2 * Math.log2(1 + sources) + recency + 1.5 * matchesTopics(s, topics) + 0.5 * salience;
  };
  return stories
    .map((s) => ({ s, v: score(s) }))
    .sort((a, b) => b.v - a.v || a.s.id.localeCompare(b.s.id))
    .map((x) => x.s);
}

/**
 * A story's versions, best written first: a complete text before a teaser, then the longest text, then the
 * earliest. The entry takes its headline and summary from the first, and its key quote from the best versions.
 */
export function bestWritten(story: Story): Article[] {
  return [...story.articles].sort(
    (a, b) => Number(a.excerptOnly) - Number(b.excerptOnly) || b.text.length - a.text.length || a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
  );
}

function entryOf(story: Story, withQuote: boolean, summaryWords: number): DigestEntry {
  const versions = bestWritten(story);
  const lead = versions[0]!;
  // Every outlet that carried the story, the one the entry quotes first.
  const sources = new Map<string, string | null>();
  for (const a of versions) if (!sources.has(a.sourceName)) sources.set(a.sourceName, a.url);
  const summary = entrySummary(lead.summary, lead.title, summaryWords);
  const quote = withQuote ? keyQuote(versions.flatMap((a) => a.quotes), summary) : null;
  return {
    storyId: story.id,
    headline: lead.title,
    url: lead.url,
    publishedAt: lead.publishedAt,
    summary,
    quote,
    sources: [...sources].map(([name, url]) => ({ name, url })),
    excerptOnly: lead.excerptOnly,
  };
}

export function buildDigest(articles: Article[], o: DigestOptions): Digest {
  let stories = groupByStory(articles);
  if (o.topics.length) stories = stories.filter((s) => matchesTopics(s, o.topics) > 0);
  const ranked = rankStories(mergeNearDuplicates(stories), o.topics, o.now).slice(0, Math.max(1, o.maxStories));
  return { timezone: o.timezone, since: o.since, until: o.until, generatedAt: o.now, entries: ranked.map((s) => entryOf(s, o.quotes, o.summaryWords ?? ENTRY_WORDS)) };
}
