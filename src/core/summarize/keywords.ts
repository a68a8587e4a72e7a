import { STOPWORDS, stem } from '../text/tokens.js';

// Keywords: the stems an article repeats, weighted up when they are in the title or the lede, or written
// as a name. Each stem is shown as its most frequent word, lower-cased.

export interface KeywordInput {
  title: string | null;
  /** Sentences that may carry the story (boilerplate excluded), in article order. */
  sentences: string[];
  language: string;
  /**
   * The sentences' content words, lower-case, when the caller has them already (the summarizer does):
   * counted as they are, without a second tokenizing pass; capitals are then read from the title only.
   */
  words?: string[][];
}

const LIMIT = 8;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function extractKeywords(input: KeywordInput, limit = LIMIT): string[] {
  // Weighted counts per word form first; each distinct form is stemmed once afterwards.
  const formScore = new Map<string, number>();
  const formCounts = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    let first = true;
    for (const match of text.matchAll(TOKEN)) {
      const raw = match[0];
      const word = raw.toLowerCase();
      // A capital inside a sentence marks a name, which says more about the story than a common word.
      const name = !first && raw !== word;
      first = false;
      if (word.length < 3 || STOPWORDS.has(word) || hasDigit(word)) continue;
      formScore.set(word, (formScore.get(word) ?? 0) + weight * (name ? 1.5 : 1));
      formCounts.set(word, (formCounts.get(word) ?? 0) + 1);
    }
  };
  if (input.title) add(input.title, 3);
  if (input.words) {
    input.words.forEach((list, i) => {
      const weight = i < 3 ? 1.5 : 1;
      for (const word of list) {
        if (word.length < 3 || STOPWORDS.has(word) || hasDigit(word)) continue;
        formScore.set(word, (formScore.get(word) ?? 0) + weight);
        formCounts.set(word, (formCounts.get(word) ?? 0) + 1);
      }
    });
  } else {
    input.sentences.forEach((sentence, i) => add(sentence, i < 3 ? 1.5 : 1));
  }

  const score = new Map<string, number>();
  const best = new Map<string, string>();
  // Only the strongest forms can make the list; stemming the long tail would change nothing.
  const strongest = [...formScore.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit * 6);
  for (const [word, value] of strongest) {
    const key = stem(word, input.language);
    score.set(key, (score.get(key) ?? 0) + value);
    const current = best.get(key);
    if (current === undefined || isBetterForm(word, current, formCounts)) best.set(key, word);
  }
  return [...score.entries()]
    .filter(([, value]) => value >= 2 || input.sentences.length <= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => best.get(key) ?? key);
}

/** The form shown for a stem: the most frequent, then the shortest, then the first alphabetically. */
function isBetterForm(form: string, current: string, counts: Map<string, number>): boolean {
  const a = counts.get(form) ?? 0;
  const b = counts.get(current) ?? 0;
  if (a !== b) return a > b;
  if (form.length !== current.length) return form.length < current.length;
  return form < current;
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
