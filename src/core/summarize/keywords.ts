import { STOPWORDS, stem, words } from '../text/tokens.js';

// Keywords: the stems an article repeats, weighted up when they are in the title or the lede, or written
// as a name. Each stem is shown as its most frequent word, lower-cased.

export interface KeywordInput {
  title: string | null;
  /** Sentences that may carry the story (boilerplate excluded), in article order. */
  sentences: string[];
  language: string;
}

const LIMIT = 8;

export function extractKeywords(input: KeywordInput, limit = LIMIT): string[] {
  const score = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  const add = (text: string, weight: number): void => {
    const names = new Set((text.match(/(?<!^|[.!?]\s)\b\p{Lu}[\p{L}'’-]+/gu) ?? []).map((w) => w.toLowerCase()));
    for (const word of words(text)) {
      if (word.length < 3 || STOPWORDS.has(word) || /\d/u.test(word)) continue;
      const key = stem(word, input.language);
      const boost = names.has(word) ? 1.5 : 1;
      score.set(key, (score.get(key) ?? 0) + weight * boost);
      const forms = surface.get(key) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      surface.set(key, forms);
    }
  };
  if (input.title) add(input.title, 3);
  input.sentences.forEach((sentence, i) => add(sentence, i < 3 ? 1.5 : 1));
  return [...score.entries()]
    .filter(([, value]) => value >= 2 || input.sentences.length <= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => {
      const forms = [...(surface.get(key) ?? new Map<string, number>()).entries()];
      forms.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
      return forms[0]?.[0] ?? key;
    });
}
