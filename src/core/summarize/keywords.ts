import { STOPWORDS, stem } from '../text/tokens.js';

// Keywords: the stems an article repeats, weighted up when they are in the title or the lede, or written
// as a name. Each stem is shown as its most frequent word, lower-cased.

export interface KeywordInput {
  title: string | null;
  /** Sentences that may carry the story (boilerplate excluded), in article order. */
  sentences: string[];
  language: string;
}

const LIMIT = 8;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function extractKeywords(input: KeywordInput, limit = LIMIT): string[] {
  const score = new Map<string, number>();
  const formCounts = new Map<string, number>();
  const formsOf = new Map<string, string[]>();
  const add = (text: string, weight: number): void => {
    let first = true;
    for (const match of text.matchAll(TOKEN)) {
      const raw = match[0];
      const word = raw.toLowerCase();
      // A capital inside a sentence marks a name, which says more about the story than a common word.
      const name = !first && raw !== word;
      first = false;
      if (word.length < 3 || STOPWORDS.has(word) || /\d/u.test(word)) continue;
      const key = stem(word, input.language);
      score.set(key, (score.get(key) ?? 0) + weight * (name ? 1.5 : 1));
      const seen = formCounts.get(word);
      formCounts.set(word, (seen ?? 0) + 1);
      if (seen === undefined) {
        const forms = formsOf.get(key);
        if (forms) forms.push(word);
        else formsOf.set(key, [word]);
      }
    }
  };
  if (input.title) add(input.title, 3);
  input.sentences.forEach((sentence, i) => add(sentence, i < 3 ? 1.5 : 1));
  return [...score.entries()]
    .filter(([, value]) => value >= 2 || input.sentences.length <= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => {
      const forms = formsOf.get(key) ?? [key];
      let best = forms[0] ?? key;
      for (const form of forms) {
        const count = formCounts.get(form) ?? 0;
        const bestCount = formCounts.get(best) ?? 0;
        if (count > bestCount || (count === bestCount && (form.length < best.length || (form.length === best.length && form < best)))) best = form;
      }
      return best;
    });
}
