import { findCues } from '../text/cues.js';
import { splitWithBoilerplate } from '../text/layout.js';
import type { Span } from '../text/spans.js';
import { wordCount } from '../text/tokens.js';
import { leadingAttribution, sentenceSubject, trailingAttribution, type Attribution } from './attribution.js';
import { quotedSpans, type QuotedSpan } from './marks.js';
import { describedSource, nameIn } from './names.js';
import { People, narrationSources } from './people.js';

export { quotedSpans, type QuotedSpan } from './marks.js';
export { nameIn } from './names.js';

/** Between the parts of one quote (`"A," he said, "B."`): the reader sees where words were left out. */
export const QUOTE_JOIN = ' … ';

/** A direct quote as found: its pieces between marks (`"A," he said. "B."` is one quote of two parts). */
export interface QuoteMention {
  /** The parts joined by a space. */
  text: string;
  parts: Span[];
  speaker: string | null;
  cue: string | null;
  start: number;
  end: number;
  /** How it sits in the text: attributed right at its marks, woven into narration, or on its own. */
  kind: 'direct' | 'partial' | 'standalone';
}

interface Found {
  span: QuotedSpan;
  attribution: Attribution | null;
  kind: QuoteMention['kind'];
  /** For words woven into narration with no cue: the name that opens their sentence. */
  subject?: string | null;
}

const sentenceContaining = (sentences: Span[], at: number): Span | undefined =>
  sentences.find((s) => s.start <= at && at < s.end);

/** A run of capitalized words and nothing else is a title ("Shark Tank"), not a quotation. */
function titleLike(text: string): boolean {
  const tokens = text.split(/\s+/u).filter((t) => /\p{L}/u.test(t));
  if (tokens.length === 0 || tokens.length > 8) return false;
  const small = /^(?:a|an|the|of|in|on|and|or|for|to|at|by|with|from|is|vs\.?)$/u;
  return tokens.every((t, i) => /^[\p{Lu}\d]/u.test(t) || (i > 0 && small.test(t)));
}

function classify(source: string, span: QuotedSpan, sentences: Span[], previousClose: number): Found {
  const openSentence = sentenceContaining(sentences, span.open) ?? sentenceContaining(sentences, span.start);
  const closeSentence = sentenceContaining(sentences, Math.max(span.start, span.close - 1));
  const clauseEnd = Math.min(closeSentence?.end ?? span.close, (() => {
    const next = source.slice(span.close, span.close + 400).search(/[“"«„]|''/u);
    return next < 0 ? source.length : span.close + next;
  })());
  // A quote that ends its paragraph may be signed on the next line (`"…"` then `- Sanders.`).
  const after = span.close < clauseEnd ? source.slice(span.close, clauseEnd) : source.slice(span.close, span.close + 60).replace(/\n\s*\n/u, '\n');
  const signedBelow = span.close >= clauseEnd && /^\s*\n\s*[―—–-]{1,2}\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\.?\s*(?:\n|$)/u.test(after);
  const trailing = span.close < clauseEnd || signedBelow ? trailingAttribution(after, span.close) : null;
  const leadStart = Math.max(openSentence?.start ?? span.open, previousClose);
  const lead = source.slice(leadStart, span.open);
  let leading = lead.trim() === '' ? null : leadingAttribution(lead, leadStart);
  // `Gore insisted it was "premature" …, adding, "…"`: a participle's subject may sit before an earlier quote.
  const sentenceStart = openSentence?.start ?? span.open;
  if (leading?.cue?.endsWith('ing') && leadStart > sentenceStart && !nameIn(leading.phrase)) {
    const wider = leadingAttribution(source.slice(sentenceStart, span.open), sentenceStart);
    if (wider && nameIn(wider.phrase)) leading = { ...wider, adjacent: leading.adjacent };
  }
  const atSentenceStart = lead.trim() === '' || /[:]\s*$/u.test(lead);
  // A trailing participle (`," adding that …`) or a phrase that names nobody defers to a lead-in.
  const trailingNames = trailing !== null && !trailing.cue?.endsWith('ing') && (nameIn(trailing.phrase) !== null || /^(?:he|she|they|i|we|the|a|an)\b/iu.test(trailing.phrase));
  if (trailing && (trailingNames || !leading) && (atSentenceStart || /[,.!?…—-]$/u.test(span.text) || !leading)) {
    return { span, attribution: trailing, kind: atSentenceStart || leading?.adjacent ? 'direct' : 'partial' };
  }
  if (leading) return { span, attribution: leading, kind: leading.adjacent ? 'direct' : 'partial', subject: sentenceSubject(source.slice(sentenceStart, span.open)) };
  if (atSentenceStart) return { span, attribution: null, kind: 'standalone' };
  return { span, attribution: null, kind: 'partial', subject: sentenceSubject(source.slice(sentenceStart, span.open)) };
}

/** A title followed by its writer or outlet: `," by the New York Post's Amy Spencer`. */
const CREDITED = /^[\s,]*by\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*(?:['’]s)?(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*[:.,(]/u;

/** Markup pasted into the text (`<tweet author="x">`, `href="…"`): its marks quote attribute values. */
function markupLike(source: string, span: QuotedSpan): boolean {
  if (source[span.open - 1] === '=') return true;
  // Every pattern needs one of these characters; most quotes have none.
  const text = span.text;
  if (!text.includes('=') && !text.includes('<') && !text.includes('>')) return false;
  return /(?:^|\s)[\w-]+=\s*$|^\s*[<>]|<\/?\p{L}+[\s>=]|[\w-]+=["“”]/u.test(text);
}

/** Which quoted spans are quotations at all: scare quotes, titles and nicknames are not. */
function keep(found: Found): boolean {
  const count = wordCount(found.span.text);
  if (count === 0) return false;
  if (found.span.single) return found.kind === 'direct' && count >= 3 && !titleLike(found.span.text);
  if (found.kind === 'direct' && found.attribution?.after) return true;
  if (titleLike(found.span.text)) return false;
  if (found.kind === 'direct') return true;
  if (found.kind === 'partial') return count >= (found.attribution ? 2 : 8);
  return count >= 4;
}

/** What the quote finder needs of an article's layout; the summarizer hands over the one it made. */
export interface QuoteLayout {
  paragraphs: Span[];
  sentences: Span[];
  /** Indexes of paragraphs that are page furniture ("Read more: …"): their quotes are not the story's. */
  furniture: Set<number>;
  /** Sentences that are furniture (bylines, photo captions), in text order: quotes opening in them are dropped. */
  excluded: Span[];
}

/** The layout the summarizer reads: the same paragraphs, sentences and furniture. */
export function quoteLayout(text: string): QuoteLayout {
  const { paragraphs, sentences } = splitWithBoilerplate(text);
  return layoutOf(paragraphs, sentences);
}

/** A paragraph all of whose sentences are furniture is furniture; furniture sentences elsewhere are excluded one by one. */
export function layoutOf(paragraphs: Span[], sentences: readonly (Span & { paragraph: number; boilerplate: boolean })[]): QuoteLayout {
  const kept = new Set<number>();
  for (const s of sentences) if (!s.boilerplate) kept.add(s.paragraph);
  const furniture = new Set<number>();
  paragraphs.forEach((_, p) => {
    if (!kept.has(p)) furniture.add(p);
  });
  const excluded = sentences.filter((s) => s.boilerplate && kept.has(s.paragraph)).map(({ start, end, text }) => ({ start, end, text }));
  return { paragraphs, sentences: sentences.map(({ start, end, text }) => ({ start, end, text })), furniture, excluded };
}

/**
 * A text whose first paragraph is a short line before the story (`Reid: 'Never underestimate Trump.'`)
 * opens with its headline: a quote there is the story's quote told again, and is read where the story tells it.
 */
function headlineParagraph(paragraphs: Span[]): number {
  const first = paragraphs[0];
  if (!first || paragraphs.length < 3 || first.text.includes('\n') || wordCount(first.text) > 16) return -1;
  // Only a headline's own form: a name, a colon, the quote; a lede that says who spoke (`Reid said: "…"`) is the story.
  const label = /^([^"“‘'\n]{1,60}):\s*["“‘']/u.exec(first.text)?.[1];
  return label !== undefined && findCues(label).length === 0 ? 0 : -1;
}

/** Drops quoted spans that open inside an excluded sentence (both lists in text order). */
function outsideExcluded(spans: QuotedSpan[], excluded: Span[]): QuotedSpan[] {
  if (excluded.length === 0) return spans;
  let k = 0;
  return spans.filter((q) => {
    while (k < excluded.length && (excluded[k] as Span).end <= q.open) k++;
    const e = excluded[k];
    return !(e && e.start <= q.start && q.start < e.end);
  });
}

/**
 * Direct quotes of an article with their speakers, in text order. `language` (ISO 639-1) says whether the
 * narration is English: only there does a quote with no attribution fall back to the person last named (the
 * "he" of English narration); elsewhere it keeps no speaker rather than a guess.
 */
export function extractQuotes(text: string, layout?: QuoteLayout, language = 'en'): QuoteMention[] {
  if (!/["“”«»„‘’']/u.test(text)) return [];
  const { paragraphs, sentences, furniture, excluded } = layout ?? quoteLayout(text);
  const headline = headlineParagraph(paragraphs);
  const spans = outsideExcluded(quotedSpans(paragraphs).filter((q) => !furniture.has(q.paragraph) && q.paragraph !== headline && !markupLike(text, q)), excluded);
  // Apostrophes alone make no quote; without one, reading the narration for speakers finds nothing to name.
  if (spans.length === 0) return [];

  const people = new People();
  const narration: { at: number; text: string; paragraph: number }[] = [];
  paragraphs.forEach((paragraph, p) => {
    if (furniture.has(p)) return;
    let from = paragraph.start;
    for (const q of spans.filter((s) => s.paragraph === p)) {
      if (q.open > from) narration.push({ at: from, text: text.slice(from, q.open), paragraph: p });
      from = Math.max(from, q.close);
    }
    if (from < paragraph.end) narration.push({ at: from, text: text.slice(from, paragraph.end), paragraph: p });
  });
  for (const piece of narration) people.addNarration(piece.text, piece.at);

  // Everything that can name a speaker, in text order, so a pronoun sees only what came before it.
  type Event = { at: number; cue: { phrase: string } } | { at: number; quote: QuotedSpan };
  const events: Event[] = [];
  for (const piece of narration) {
    for (const source of narrationSources(piece.text)) events.push({ at: piece.at + source.at, cue: source });
  }
  for (const span of spans) events.push({ at: span.open, quote: span });
  events.sort((a, b) => a.at - b.at);

  const mentions: QuoteMention[] = [];
  const paragraphOf = new Map<QuoteMention, number>();
  let previousClose = 0;
  let lastAttributionEnd = -1;
  let lastParagraph = -1;
  for (const event of events) {
    if ('cue' in event) {
      const name = people.resolve(event.cue.phrase, event.at);
      if (name) people.addSource(name, event.at);
      continue;
    }
    const span = event.quote;
    if (span.paragraph !== lastParagraph) previousClose = 0;
    const found = classify(text, span, sentences, previousClose);
    previousClose = span.close;
    const previous = mentions.at(-1);
    const continues =
      previous !== undefined &&
      paragraphOf.get(previous) === span.paragraph &&
      (span.open - lastAttributionEnd <= 2 || (span.orphan && span.open - previous.end <= 2) || !/[\p{L}\p{N}\s]/u.test(text.slice(previous.end, span.open))) &&
      !text.slice(Math.min(previous.end, span.open), span.open).includes('\n') &&
      (found.attribution === null || !found.attribution.adjacent || found.span.orphan);
    lastParagraph = span.paragraph;
    // `," Cuban said on NBC's "Meet the Press." "…`: a programme's name closing an attribution is no part of the quote.
    if (continues && !span.orphan && found.span.text.length < 60 && titleLike(found.span.text.replace(/[.!?]+$/u, ''))) continue;
    if (!keep(found) && !continues) continue;
    // `—"An NYPD sketch artist gets a gallery show," by Hyperallergic's Carey Dunne`: a headline credited to its writer.
    if (CREDITED.test(text.slice(span.close, span.close + 40))) continue;
    if (continues && previous) {
      previous.parts.push({ start: span.start, end: span.end, text: span.text });
      previous.text = previous.parts.map((p) => p.text).join(QUOTE_JOIN);
      previous.end = span.end;
      if (found.attribution && (!previous.speaker || !previous.cue)) {
        // The attribution after a later part names the speaker of the whole quote.
        previous.speaker = people.resolve(found.attribution.phrase, found.attribution.at) ?? previous.speaker ?? describedSource(found.attribution.phrase);
        previous.cue = found.attribution.cue;
        previous.kind = 'direct';
      }
      if (found.attribution) lastAttributionEnd = found.attribution.end;
      continue;
    }
    let speaker: string | null = null;
    let cue: string | null = null;
    if (found.attribution) {
      // `Sanders, who sits at zero, said …`: a lead-in that names nobody leaves the sentence's subject.
      speaker = people.resolve(found.attribution.phrase, found.attribution.at) ?? (found.subject ? people.resolve(found.subject, span.open) : null);
      cue = found.attribution.cue;
      lastAttributionEnd = found.attribution.end;
    } else if (found.subject) {
      speaker = people.resolve(found.subject, span.open);
    } else {
      speaker = continuedSpeaker(mentions, paragraphOf, span, people, language === 'en');
    }
    if (speaker) people.addSource(speaker, span.open);
    // `"…," the ruling said`: a source described but never named is still the speaker, as the text words it.
    // It is no person a later "he" could stand for, so it is not recorded as one.
    else if (found.attribution) speaker = describedSource(found.attribution.phrase);
    const mention: QuoteMention = { text: span.text, parts: [{ start: span.start, end: span.end, text: span.text }], speaker, cue, start: span.start, end: span.end, kind: found.kind };
    mentions.push(mention);
    paragraphOf.set(mention, span.paragraph);
  }
  return mentions;
}

/**
 * A quote with no attribution of its own continues the last speaker: one in the same paragraph, or in
 * the paragraph just before (news style runs a long quote over several paragraphs).
 */
function continuedSpeaker(mentions: QuoteMention[], paragraphOf: Map<QuoteMention, number>, span: QuotedSpan, people: People, lastNamed: boolean): string | null {
  const previous = mentions.at(-1);
  const paragraph = previous ? paragraphOf.get(previous) : undefined;
  // Someone reported as speaking since the last quote (`Dianne Bystrom agreed. "…"`) takes the floor.
  const fresh = people.speakerSince(previous ? previous.end : 0, span.open);
  if (fresh) return fresh;
  if (previous && paragraph !== undefined && span.paragraph - paragraph <= 1 && previous.speaker) return previous.speaker;
  return lastNamed ? people.resolve('he', span.open) : null;
}
