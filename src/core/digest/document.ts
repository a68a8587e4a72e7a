// A digest as platform-neutral rich text: one section per story, so splitting never cuts a story.
import { type Document, type Inline, type Section, bold, link, text } from '../document';
import type { Digest, DigestEntry, SaidQuote } from '../model';

export interface DigestView {
  title?: string;
}

// Building a formatter costs far more than using one, and a fan-out renders thousands of dates in a few zones.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateIn(iso: string, timezone: string): string {
  let f = dateFormats.get(timezone);
  if (!f) dateFormats.set(timezone, (f = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: 'numeric', month: 'short', year: 'numeric' })));
  return f.format(new Date(iso));
}

/** Said under a story summarized from a teaser: a feed's or a page's, so it names neither. */
export const EXCERPT_NOTE = 'Summary from an excerpt: the full article was not available.';

export function entrySection(e: DigestEntry, timezone: string, index: number): Section {
  const headline: Inline[] = [text(`${index + 1}. `), e.url ? { ...link(e.headline, e.url), bold: true } : bold(e.headline)];
  const blocks: Section['blocks'] = [{ kind: 'heading', inlines: headline }];
  blocks.push({ kind: 'paragraph', inlines: [{ text: dateIn(e.publishedAt, timezone), italic: true }] });
  if (e.summary.length) blocks.push({ kind: 'paragraph', inlines: [text(e.summary.join(' '))] });
  if (e.excerptOnly) blocks.push({ kind: 'paragraph', inlines: [{ text: EXCERPT_NOTE, italic: true }] });
  if (e.quote) blocks.push({ kind: 'quote', text: e.quote.text, speaker: e.quote.speaker });
  const sources = e.sources.flatMap((s, i) => [...(i ? [text(' · ')] : []), s.url ? link(s.name, s.url) : text(s.name)]);
  return { blocks, link: e.url, fields: [{ name: e.sources.length > 1 ? 'Sources' : 'Source', value: sources }] };
}

export function digestDocument(d: Digest, view: DigestView = {}): Document {
  const title = view.title ?? 'Your news digest';
  const header: Section = {
    blocks: [{ kind: 'heading', inlines: [bold(`${title} — ${dateIn(d.until, d.timezone)}`)] }],
  };
  const said = saidSections(d.said ?? [], d.timezone, SAID_HEADING);
  return { sections: [header, ...d.entries.map((e, i) => entrySection(e, d.timezone, i)), ...said], preview: d.entries.length === 1 && !said.length };
}

export const SAID_HEADING = 'Said since the last digest';

/** One quote: the words, who said them, and every outlet that carried them (one line however many did). */
export function saidBlocks(q: SaidQuote, timezone: string): Section['blocks'] {
  const outlets = q.sources.flatMap((s, i) => [...(i ? [text(' · ')] : []), s.url ? link(s.outlet, s.url) : text(s.outlet)]);
  return [
    { kind: 'quote', text: q.text, speaker: q.person },
    { kind: 'paragraph', inlines: [{ text: `${dateIn(q.publishedAt, timezone)} — `, italic: true }, ...outlets] },
  ];
}

/** The quotes by followed people under a heading: a section per quote, so a long list splits between quotes. */
export function saidSections(quotes: readonly SaidQuote[], timezone: string, heading: string): Section[] {
  return quotes.map((q, i) => ({ blocks: [...(i === 0 ? [{ kind: 'heading' as const, inlines: [bold(heading)] }] : []), ...saidBlocks(q, timezone)] }));
}

/** An alert: the new quotes of one followed person, sent as they arrive. */
export function alertDocument(d: Digest): Document {
  const people = [...new Set((d.said ?? []).map((q) => q.person))];
  return { sections: saidSections(d.said ?? [], d.timezone, `New quote${(d.said?.length ?? 0) > 1 ? 's' : ''} from ${people.join(', ')}`) };
}

export const NOTHING_NEW = 'Nothing new since your last digest.';

/** The document a digest is delivered as; a digest with no stories is the one-line note. */
export function deliveryDocument(d: Digest): Document {
  if (d.alert) return alertDocument(d);
  return d.entries.length || d.said?.length ? digestDocument(d) : { sections: [{ blocks: [{ kind: 'paragraph', inlines: [text(NOTHING_NEW)] }] }] };
}
