// A Document as Discord messages. A section with a link or fields (a story) becomes an embed; other sections
// become message text. Every Discord limit is kept by splitting between sections, never inside a story:
// content 2000, 10 embeds a message, title 256, description 4096, 25 fields (name 256, value 1024), and
// 6000 characters over all embeds of one message. Article text is escaped so it cannot format or ping.
import type { APIEmbed } from 'discord.js';
import type { Block, Document, Inline, Section } from '../../core/document';

export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedTotal: 6000,
} as const;

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
}

/** Tidings' accent colour on story cards. */
const CARD_COLOUR = 0x2f6f8f;

/**
 * Escapes text so Discord shows it as typed: inline styles, links, mentions and channel pills anywhere;
 * quotes, headings and lists at a line start. (discord.js's escapeMarkdown does this too, but costs about
 * 2 ms per paragraph; a digest has dozens.)
 */
export const escapeText = (s: string): string =>
  escapeInline(s)
    .replace(/[[\]<]/g, '\\$&')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');

/** Escapes the inline styles only (bold, italic, underline, strike, spoiler, code): for embed titles. */
export const escapeInline = (s: string): string => s.replace(/[\\*_~`|]/g, '\\$&');

/** A URL that cannot break out of a masked link. */
const safeUrl = (url: string): string => url.replace(/[()<>\s]/g, (c) => encodeURIComponent(c));

function inlineMarkdown(i: Inline, preview: boolean): string {
  let out = i.code ? `\`${i.text.replace(/`/g, 'ˋ')}\`` : escapeText(i.text);
  if (!out.trim()) return out;
  if (i.href && /^https?:\/\//i.test(i.href)) out = preview ? `[${out}](${safeUrl(i.href)})` : `[${out}](<${safeUrl(i.href)}>)`;
  if (i.italic) out = `*${out}*`;
  if (i.bold) out = `**${out}**`;
  return out;
}

const inlines = (xs: Inline[], preview: boolean) => xs.map((i) => inlineMarkdown(i, preview)).join('');

function blockMarkdown(b: Block, preview: boolean): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return inlines(b.inlines, preview);
    case 'quote':
      return `> “${escapeText(b.text)}”${b.speaker ? `\n> — **${escapeText(b.speaker)}**` : ''}`;
    case 'list':
      return b.items.map((item) => `• ${inlines(item, preview)}`).join('\n');
  }
}

/** Cuts text to a limit at a line or word boundary, marking the cut with an ellipsis. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const room = s.slice(0, max - 1);
  const at = Math.max(room.lastIndexOf('\n'), room.lastIndexOf(' '));
  // A cut inside an escape or a link would leave stray markup: back off to the boundary.
  return `${(at > max * 0.6 ? room.slice(0, at) : room).replace(/\\+$/, '')}…`;
}

/** Splits text into pieces of at most `max`, between lines where it can, else between words. */
export function splitText(s: string, max: number): string[] {
  const parts: string[] = [];
  let rest = s.trim();
  while (rest.length > max) {
    const room = rest.slice(0, max);
    let at = room.lastIndexOf('\n');
    if (at < max * 0.5) at = room.lastIndexOf(' ');
    if (at < max * 0.5) at = max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

const isCard = (s: Section) => Boolean(s.link) || Boolean(s.fields?.length);

export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** One story card. The heading becomes the title (a link to the article); the rest the description. */
export function sectionEmbed(s: Section): APIEmbed {
  const [first, ...rest] = s.blocks;
  const heading = first?.kind === 'heading' ? first : null;
  const body = heading ? rest : s.blocks;
  const url = s.link ?? heading?.inlines.find((i) => i.href)?.href ?? null;
  const embed: APIEmbed = { color: CARD_COLOUR };
  // Titles render inline styles only, so only those are escaped there.
  if (heading) embed.title = clip(escapeInline(heading.inlines.map((i) => i.text).join('').trim()), LIMITS.title);
  if (url && /^https?:\/\//i.test(url)) embed.url = url;
  const description = body.map((b) => blockMarkdown(b, true)).filter(Boolean).join('\n\n');
  if (description) embed.description = clip(description, LIMITS.description);
  // The fields and the description share what the title leaves of the 6000: fields first (they are short
  // in practice), but never so much that the description keeps less than a readable start.
  let room = LIMITS.embedTotal - (embed.title?.length ?? 0) - Math.min(embed.description?.length ?? 0, 1000);
  const fields: NonNullable<APIEmbed['fields']> = [];
  for (const f of (s.fields ?? []).slice(0, LIMITS.fields)) {
    const name = clip(escapeText(f.name), LIMITS.fieldName);
    const value = clip(inlines(f.value, true), Math.min(LIMITS.fieldValue, room - name.length)) || '—';
    if (name.length + value.length > room || room - name.length < 20) break;
    fields.push({ name, value, inline: true });
    room -= name.length + value.length;
  }
  if (fields.length) embed.fields = fields;
  const over = embedSize(embed) - LIMITS.embedTotal;
  if (over > 0 && embed.description) embed.description = clip(embed.description, embed.description.length - over);
  return embed;
}

/** Renders a document into as many messages as Discord's limits require, in reading order. */
export function renderDocument(doc: Document): DiscordMessage[] {
  const preview = doc.preview ?? false;
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { content: '', embeds: [] };
  let embedTotal = 0;
  const flush = () => {
    if (current.content || current.embeds.length) messages.push(current);
    current = { content: '', embeds: [] };
    embedTotal = 0;
  };

  for (const section of doc.sections) {
    if (isCard(section)) {
      const embed = sectionEmbed(section);
      const size = embedSize(embed);
      if (current.embeds.length >= LIMITS.embedsPerMessage || embedTotal + size > LIMITS.embedTotal) flush();
      current.embeds.push(embed);
      embedTotal += size;
      continue;
    }
    const text = section.blocks.map((b) => blockMarkdown(b, preview)).filter(Boolean).join('\n');
    if (!text) continue;
    // Text shows above a message's embeds, so text after a card starts a new message to keep the order.
    if (current.embeds.length) flush();
    for (const piece of splitText(text, LIMITS.content)) {
      const joined = current.content ? `${current.content}\n\n${piece}` : piece;
      if (joined.length > LIMITS.content) {
        flush();
        current.content = piece;
      } else current.content = joined;
    }
  }
  flush();
  return messages;
}
