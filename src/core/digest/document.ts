// A digest as platform-neutral rich text: one section per story, so splitting never cuts a story.
import { type Document, type Inline, type Section, bold, link, text } from '../document';
import type { Digest, DigestEntry } from '../model';

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
  return { sections: [header, ...d.entries.map((e, i) => entrySection(e, d.timezone, i))], preview: d.entries.length === 1 };
}

export const NOTHING_NEW = 'Nothing new since your last digest.';

/** The document a digest is delivered as; a digest with no stories is the one-line note. */
export function deliveryDocument(d: Digest): Document {
  return d.entries.length ? digestDocument(d) : { sections: [{ blocks: [{ kind: 'paragraph', inlines: [text(NOTHING_NEW)] }] }] };
}
