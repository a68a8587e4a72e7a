// Documents as Telegram HTML. Telegram's HTML mode accepts only its own tag set and needs <, > and & escaped
// everywhere (and " inside attributes). A long document is split between sections (a story is never cut), and
// only when one section alone is too long, between its blocks; a single block longer than a whole message is
// cut between words and sent without its formatting. No cut ever falls inside a tag.
import type { Block, Document, Inline, Section } from '../../core/document';

/** Telegram's limit on a message's text, counted after entities are parsed (UTF-16 code units). */
export const TELEGRAM_TEXT_LIMIT = 4096;

export interface RenderedMessage {
  html: string;
  /** The URL to preview under this message, or null for no preview. */
  previewUrl: string | null;
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text a reader sees for this HTML: what Telegram counts against the limit. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

const visibleLength = (html: string): number => visibleText(html).length;

const safeHref = (href: string): string | null => (/^(https?|tg):\/\//i.test(href) ? href : null);

function renderInline(i: Inline): string {
  let out = escapeHtml(i.text);
  if (i.code) out = `<code>${out}</code>`;
  if (i.italic) out = `<i>${out}</i>`;
  if (i.bold) out = `<b>${out}</b>`;
  const href = i.href ? safeHref(i.href) : null;
  if (href) out = `<a href="${escapeHtml(href)}">${out}</a>`;
  return out;
}

const renderInlines = (xs: Inline[]): string => xs.map(renderInline).join('');

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.inlines.some((i) => i.bold) ? renderInlines(b.inlines) : `<b>${renderInlines(b.inlines)}</b>`;
    case 'paragraph':
      return renderInlines(b.inlines);
    case 'quote':
      return `<blockquote>“${escapeHtml(b.text)}”${b.speaker ? `\n— <i>${escapeHtml(b.speaker)}</i>` : ''}</blockquote>`;
    case 'list':
      return b.items.map((item) => `• ${renderInlines(item)}`).join('\n');
  }
}

function plainBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.inlines.map((i) => i.text).join('');
    case 'quote':
      return `“${b.text}”${b.speaker ? ` — ${b.speaker}` : ''}`;
    case 'list':
      return b.items.map((item) => `• ${item.map((i) => i.text).join('')}`).join('\n');
  }
}

function renderSectionParts(s: Section): string[] {
  const parts = s.blocks.map(renderBlock);
  for (const f of s.fields ?? []) parts.push(`<b>${escapeHtml(f.name)}:</b> ${renderInlines(f.value)}`);
  return parts;
}

export const renderSection = (s: Section): string => renderSectionParts(s).join('\n');

/** Cuts plain text into pieces of at most `limit` characters, between words where there is a space. */
function cutPlain(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let at = rest.lastIndexOf(' ', limit);
    if (at < limit / 2) at = limit;
    // Never cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at--;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

interface Unit {
  html: string;
  /** Visible length: additive, since no tag or entity spans two units. */
  len: number;
  sectionIndex: number;
}

const unit = (html: string, sectionIndex: number): Unit => ({ html, len: visibleLength(html), sectionIndex });

/** Units that may share a message, each within the limit on its own. */
function units(doc: Document, limit: number): Unit[] {
  const out: Unit[] = [];
  doc.sections.forEach((s, sectionIndex) => {
    const whole = unit(renderSection(s), sectionIndex);
    if (whole.len <= limit) return void out.push(whole);
    // One section too long for a message: its blocks go separately, joined again where they fit.
    const blocks = s.blocks.map((b) => ({ html: renderBlock(b), plain: plainBlock(b) }));
    for (const f of s.fields ?? []) blocks.push({ html: `<b>${escapeHtml(f.name)}:</b> ${renderInlines(f.value)}`, plain: `${f.name}: ${f.value.map((v) => v.text).join('')}` });
    const pending: Unit[] = []; // at most one: the blocks joined so far
    for (const b of blocks) {
      const u = unit(b.html, sectionIndex);
      const c = pending[0];
      if (u.len > limit) {
        out.push(...pending.splice(0));
        for (const piece of cutPlain(b.plain, limit)) out.push(unit(escapeHtml(piece), sectionIndex));
      } else if (c && c.len + 1 + u.len <= limit) {
        pending[0] = { html: `${c.html}\n${u.html}`, len: c.len + 1 + u.len, sectionIndex };
      } else {
        out.push(...pending.splice(0, 1, u));
      }
    }
    out.push(...pending);
  });
  return out;
}

/** The messages a document is sent as, in order; each within Telegram's limit and each valid HTML on its own. */
export function renderDocument(doc: Document, limit = TELEGRAM_TEXT_LIMIT): RenderedMessage[] {
  const messages: { html: string; len: number; sections: Set<number> }[] = [];
  let current: (typeof messages)[number] | null = null;
  for (const u of units(doc, limit)) {
    if (current && current.len + 2 + u.len <= limit) {
      current.html = `${current.html}\n\n${u.html}`;
      current.len += 2 + u.len;
      current.sections.add(u.sectionIndex);
      continue;
    }
    current = { html: u.html, len: u.len, sections: new Set([u.sectionIndex]) };
    messages.push(current);
  }
  // A preview only where it helps (a single article): under the message that holds the first linked section.
  const linked = doc.preview ? doc.sections.findIndex((s) => s.link && safeHref(s.link)) : -1;
  const previewAt = linked >= 0 ? messages.findIndex((m) => m.sections.has(linked)) : -1;
  return messages.map((m, i) => ({ html: m.html, previewUrl: i === previewAt ? (doc.sections[linked]?.link ?? null) : null }));
}

/** The same message without markup: what is sent when Telegram refuses the HTML. */
export const htmlToPlain = (html: string): string => visibleText(html);
