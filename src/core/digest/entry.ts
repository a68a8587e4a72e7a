// What one story shows in a digest, sized for a phone: a summary within a word budget, cut where
// sentences end, and one short key quote, verbatim, with "…" wherever words were left out.
import type { Quote } from '../model';
import { QUOTE_JOIN } from '../quotes/index';
import { wordsIn } from '../text/layout';
import { splitSentences } from '../text/sentences';
import { isStopword, words } from '../text/tokens';

/** A digest story's summary keeps at most this many words unless config/defaults.json says otherwise. */
export const ENTRY_WORDS = 60;
/** A digest story's key quote keeps at most this many words. */
export const QUOTE_WORDS = 40;
/** A quote shorter than this says too little to stand alone as the story's voice ("operational headquarters"). */
const MIN_QUOTE_WORDS = 3;
/** A quote whose words are mostly in the summary already would say the story twice. */
const REPEAT_SHARE = 0.6;
const CUT = '…';
/** A quote that opens as a sentence does: a capital or a figure, after any mark or bracket. */
const WHOLE_UTTERANCE = /^[\s"“'‘([…]*[\p{Lu}\d]/u;

export { wordsIn };

const sameWords = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');

/**
 * The summary's sentences that fit `budget` words, in article order: a sentence that would overflow is
 * left out (a later, shorter one may still fit); a first sentence longer than the budget stands alone.
 * A sentence that only repeats the headline is not said twice.
 */
export function entrySummary(sentences: readonly string[], headline: string, budget = ENTRY_WORDS): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const given of sentences) {
    // "… against Southampton .": a period pasted apart from its sentence is set back against it.
    const sentence = given.replace(/\s+([.!?])$/u, '$1');
    if (sameWords(sentence, headline)) continue;
    const count = wordsIn(sentence);
    if (kept.length > 0 && used + count > budget) continue;
    kept.push(sentence);
    used += count;
    if (used >= budget) break;
  }
  return kept;
}

/** Content words of a text (no stopwords), lower-case. */
function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length > 1 && !isStopword(w, 'en') && !/^\d+$/u.test(w)));
}

/** Share of a text's content words that `known` already holds. */
function knownShare(text: string, known: Set<string>): number {
  const own = contentWords(text);
  if (own.size === 0) return 1;
  let seen = 0;
  for (const w of own) if (known.has(w)) seen++;
  return seen / own.size;
}

/**
 * A quotation mark left alone at a sentence's edge (the quote ran over several paragraphs run together) is
 * dropped; a mark that closes or opens a quotation inside the same sentence ("crazy: 'Oh, a victory!'") stays.
 */
function withoutStrayMarks(sentence: string): string {
  let out = sentence;
  const lead = /^['‘"“]+(?=\p{L})/u.exec(out);
  if (lead && !/[\p{L}.!?,;]['’"”]+(?=$|[\s.,;:!?)])/u.test(out.slice(lead[0].length))) out = out.slice(lead[0].length);
  const trail = /(?<=[\p{L}.!?,])['’"”]+$/u.exec(out);
  if (trail && !/(?:^|[\s(:—–-])['‘"“](?=\p{L})/u.test(out.slice(0, trail.index))) out = out.slice(0, trail.index);
  return out;
}

/** The first `limit` words of a sentence, ending on a word, marked as cut. */
function cutAtWord(sentence: string, limit: number): string {
  const parts = sentence.split(/\s+/u).filter((w) => w !== '');
  if (parts.length <= limit) return sentence;
  return `${parts.slice(0, limit).join(' ').replace(/[,;:—–-]+$/u, '')} ${CUT}`;
}

/**
 * The pieces without those that an earlier piece already says, word for word, or that say one again with
 * more around it: a pull quote printed again further down, or a quote the text gives twice, is read once.
 */
function withoutRepeats<T extends { sentence: string }>(pieces: T[]): T[] {
  const said: string[] = [];
  return pieces.filter((piece) => {
    const own = words(piece.sentence).join(' ');
    if (own !== '' && said.some((earlier) => ` ${earlier} `.includes(` ${own} `) || ` ${own} `.includes(` ${earlier} `))) return false;
    said.push(own);
    return true;
  });
}

/**
 * A quote cut to `budget` words: its most informative sentences (the most content words the summary does
 * not have), in the quote's order, with "…" where anything between, before or after them was left out.
 */
export function trimQuote(text: string, summaryWords: Set<string>, budget = QUOTE_WORDS): string {
  // The quote's parts (separate quotations) and their sentences, in order, each knowing its part.
  const pieces = withoutRepeats(text.split(QUOTE_JOIN).flatMap((part, p) => splitSentences(part).map((sentence) => ({ sentence: withoutStrayMarks(sentence), part: p }))));
  const whole = pieces.map((piece) => piece.sentence).join(' ');
  const joined = pieces.every((piece) => piece.part === 0);
  if (wordsIn(text) <= budget && joined && pieces.every((piece) => knownShare(piece.sentence, summaryWords) < 1)) return whole;
  const order = pieces
    .map((piece, i) => ({ i, gain: [...contentWords(piece.sentence)].filter((w) => !summaryWords.has(w)).length, count: wordsIn(piece.sentence) }))
    .filter((piece) => piece.gain > 0)
    .sort((a, b) => b.gain / Math.sqrt(b.count) - a.gain / Math.sqrt(a.count) || a.i - b.i);
  const chosen = new Set<number>();
  let used = 0;
  for (const piece of order) {
    if (used + piece.count > budget) continue;
    chosen.add(piece.i);
    used += piece.count;
  }
  if (chosen.size === 0) {
    const best = order[0];
    return best ? cutAtWord((pieces[best.i] as { sentence: string }).sentence, budget) : cutAtWord(text, budget);
  }
  let out = '';
  let previous = -1;
  pieces.forEach((piece, i) => {
    if (!chosen.has(i)) return;
    const gap = previous < 0 ? i > 0 : i > previous + 1 || (pieces[previous] as { part: number }).part !== piece.part;
    out += gap ? `${out === '' ? '' : ' '}${CUT} ${piece.sentence}` : `${out === '' ? '' : ' '}${piece.sentence}`;
    previous = i;
  });
  if (previous < pieces.length - 1) out += ` ${CUT}`;
  return out;
}

/**
 * The story's key quote for a digest: the most important quote (the order given) that has a named
 * speaker, says enough, and does not mostly repeat the summary; trimmed to QUOTE_WORDS. Null when none does.
 */
export function keyQuote(quotes: readonly Quote[], summary: readonly string[], budget = QUOTE_WORDS): Quote | null {
  const known = contentWords(summary.join(' '));
  const fresh = quotes.filter((q) => wordsIn(q.text) >= MIN_QUOTE_WORDS && knownShare(q.text, known) < REPEAT_SHARE);
  // Words woven into narration ("called it "a disgrace to the office"") need their sentence to make sense:
  // a quote that opens mid-sentence stands for the story only when no whole utterance does.
  const quote = fresh.find((q) => q.speaker !== null && WHOLE_UTTERANCE.test(q.text)) ?? fresh.find((q) => WHOLE_UTTERANCE.test(q.text)) ?? null;
  if (!quote) return null;
  return { ...quote, text: trimQuote(quote.text, known, budget) };
}
