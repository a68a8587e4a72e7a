import { STOPWORDS, isStopword, stem } from '../text/tokens.js';

// Keywords: the stems an article repeats, weighted up when they are in the title or the lede, or written
// as a name. Each stem is shown as its most frequent word, lower-cased.

/** Sentences' content words as ids into a list of word forms (the summarizer's vocabulary). */
export interface CountedWords {
  /** One list of ids per sentence, in article order. */
  bags: readonly (readonly number[])[];
  /** The word form (lower-case) of each id. */
  terms: readonly string[];
  /** The id of a word form, or -1. */
  idOf(word: string): number;
}

export interface KeywordInput {
  title: string | null;
  /** Sentences that may carry the story (boilerplate excluded), in article order. */
  sentences: string[];
  language: string;
  /**
   * The sentences' content words, lower-case, when the caller has them already (the summarizer does):
   * counted as they are, without a second tokenizing pass; capitals are then read from the title only.
   */
  words?: CountedWords;
}

const LIMIT = 8;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

interface Form {
  word: string;
  score: number;
  count: number;
}

export function extractKeywords(input: KeywordInput, limit = LIMIT): string[] {
  // Weighted counts per word form first; each distinct form is stemmed once afterwards. Weights are
  // multiples of a half, so the sums are exact whatever order they are added in. Only the strongest
  // forms can make the list; stemming the long tail would change nothing.
  const top = new Strongest(limit * 6);
  if (input.words) countedForms(input.words, input.title, top);
  else for (const form of tokenizedForms(input.title, input.sentences)) top.offer(form.word, form.score, form.count);

  const score = new Map<string, number>();
  const best = new Map<string, Form>();
  for (const form of top.forms) {
    if (input.language !== 'en' && isStopword(form.word, input.language)) continue;
    const key = stem(form.word, input.language);
    score.set(key, (score.get(key) ?? 0) + form.score);
    const current = best.get(key);
    if (current === undefined || isBetterForm(form, current)) best.set(key, form);
  }
  return [...score.entries()]
    .filter(([, value]) => value >= 2 || input.sentences.length <= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => best.get(key)?.word ?? key);
}

function eligible(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !hasDigit(word);
}

/** Reads a text's words: a capital inside a sentence marks a name, which says more than a common word. */
function eachWord(text: string, visit: (word: string, name: boolean) => void): void {
  let first = true;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const raw = match[0];
    const word = raw.toLowerCase();
    const name = !first && raw !== word;
    first = false;
    if (eligible(word)) visit(word, name);
  }
}

/** Forms from the title and the sentences, tokenized here. */
function tokenizedForms(title: string | null, sentences: readonly string[]): Form[] {
  const forms = new Map<string, Form>();
  const add = (text: string, weight: number): void =>
    eachWord(text, (word, name) => {
      const form = forms.get(word);
      const value = weight * (name ? 1.5 : 1);
      if (form) {
        form.score += value;
        form.count++;
      } else forms.set(word, { word, score: value, count: 1 });
    });
  if (title) add(title, 3);
  sentences.forEach((sentence, i) => add(sentence, i < 3 ? 1.5 : 1));
  return [...forms.values()];
}

/** Forms from counted sentence words (per id, no string work per occurrence) and the tokenized title. */
function countedForms(words: CountedWords, title: string | null, top: Strongest): void {
  const size = words.terms.length;
  const scores: number[] = new Array<number>(size).fill(0);
  const counts: number[] = new Array<number>(size).fill(0);
  words.bags.forEach((bag, i) => {
    const weight = i < 3 ? 1.5 : 1;
    for (const id of bag) {
      scores[id] = (scores[id] as number) + weight;
      counts[id] = (counts[id] as number) + 1;
    }
  });
  const extra = new Map<string, Form>();
  if (title) {
    eachWord(title, (word, name) => {
      const value = 3 * (name ? 1.5 : 1);
      const id = words.idOf(word);
      if (id >= 0) {
        scores[id] = (scores[id] as number) + value;
        counts[id] = (counts[id] as number) + 1;
        return;
      }
      const form = extra.get(word);
      if (form) {
        form.score += value;
        form.count++;
      } else extra.set(word, { word, score: value, count: 1 });
    });
  }
  for (const form of extra.values()) top.offer(form.word, form.score, form.count);
  for (let id = 0; id < size; id++) {
    const count = counts[id] as number;
    if (count > 0) top.offer(words.terms[id] as string, scores[id] as number, count);
  }
}

/**
 * The first `k` eligible forms by score, then alphabetically (forms are distinct, so this is a total
 * order): what sorting them all and keeping `k` gives. A form that can't get in is not looked at further.
 */
class Strongest {
  readonly forms: Form[] = [];

  constructor(private readonly k: number) {}

  offer(word: string, score: number, count: number): void {
    const { forms, k } = this;
    if (k <= 0) return;
    const worst = forms[k - 1];
    if (worst !== undefined && !(score > worst.score || (score === worst.score && word < worst.word))) return;
    if (!eligible(word)) return;
    let at = forms.length === k ? k - 1 : forms.length;
    while (at > 0) {
      const previous = forms[at - 1] as Form;
      if (!(score > previous.score || (score === previous.score && word < previous.word))) break;
      forms[at] = previous;
      at--;
    }
    forms[at] = { word, score, count };
  }
}

/** The form shown for a stem: the most frequent, then the shortest, then the first alphabetically. */
function isBetterForm(form: Form, current: Form): boolean {
  if (form.count !== current.count) return form.count > current.count;
  if (form.word.length !== current.word.length) return form.word.length < current.word.length;
  return form.word < current.word;
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
