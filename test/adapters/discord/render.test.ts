// Rendering documents into Discord messages: limits, order, escaping.
import { describe, expect, it } from 'vitest';
import { LIMITS, renderDocument } from '../../../src/adapters/discord/render';
import { escapeText, splitText } from '../../../src/adapters/discord/render';
import { type Document, type Section, bold, link, message, text } from '../../../src/core/document';
import { limitViolations } from './harness';

const card = (n: number, descriptionLength: number, fields = 1, fieldLength = 2000): Section => ({
  blocks: [
    { kind: 'heading', inlines: [text(`${n}. `), { ...link(`Headline ${n} `.padEnd(400, 'x'), `https://news.example/${n}`), bold: true }] },
    { kind: 'paragraph', inlines: [text('word '.repeat(Math.ceil(descriptionLength / 5)))] },
    { kind: 'quote', text: 'A quote', speaker: 'A Person' },
  ],
  link: `https://news.example/${n}`,
  fields: Array.from({ length: fields }, (_, i) => ({ name: `Field ${i}`, value: [text('v'.repeat(fieldLength))] })),
});

describe('renderDocument', () => {
  it('keeps every limit however large the parts, and keeps the order', () => {
    const doc: Document = {
      sections: [
        { blocks: [{ kind: 'paragraph', inlines: [text('Intro line. '.repeat(400))] }] },
        ...Array.from({ length: 23 }, (_, i) => card(i + 1, i % 3 === 0 ? 9000 : 800, i === 4 ? 30 : i === 7 ? 25 : 1, i === 4 ? 20 : 2000)),
        { blocks: [{ kind: 'paragraph', inlines: [text('Footer.')] }] },
      ],
    };
    const messages = renderDocument(doc);
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
    expect(messages.every((m) => m.content || m.embeds.length)).toBe(true);
    const embeds = messages.flatMap((m) => m.embeds);
    expect(embeds.map((e) => Number(e.title!.split('.')[0]))).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(embeds[4]!.fields).toHaveLength(LIMITS.fields);
    // 25 fields of 1024 cannot fit the 6000: as many as fit are kept, and a readable description with them.
    expect(embeds[7]!.fields!.length).toBeGreaterThan(0);
    expect(embeds[7]!.description!.length).toBeGreaterThan(500);
    expect(messages[0]!.content.startsWith('Intro line.')).toBe(true);
    expect(messages.at(-1)).toEqual({ content: 'Footer.', embeds: [] });
    // The intro (4800 characters) needs three messages; the first cards ride under its last piece.
    expect(messages.slice(0, 2).every((m) => m.embeds.length === 0)).toBe(true);
    expect(messages[2]!.content).toMatch(/^Intro line\./);
  });

  it('renders a plain reply as text, escaping what a person typed or an article said', () => {
    const [m, ...rest] = renderDocument(message('Topics: *bold*, _under_, `code`, ~~gone~~, ||spoiler||, [x](https://evil.example), # heading'));
    expect(rest).toEqual([]);
    expect(m!.embeds).toEqual([]);
    expect(m!.content).toBe('Topics: \\*bold\\*, \\_under\\_, \\`code\\`, \\~\\~gone\\~\\~, \\|\\|spoiler\\|\\|, \\[x\\](https://evil.example), # heading');
  });

  it('keeps styles and links of the document itself, suppressing link previews unless asked', () => {
    const doc: Document = { sections: [{ blocks: [{ kind: 'paragraph', inlines: [bold('Added'), text(' '), link('the feed', 'https://news.example/feed.xml')] }] }] };
    expect(renderDocument(doc)[0]!.content).toBe('**Added** [the feed](<https://news.example/feed.xml>)');
    expect(renderDocument({ ...doc, preview: true })[0]!.content).toBe('**Added** [the feed](https://news.example/feed.xml)');
  });

  it('renders nothing for an empty document', () => {
    expect(renderDocument({ sections: [] })).toEqual([]);
  });
});

describe('splitText', () => {
  it('splits between lines, then words, never beyond the limit, losing no words', () => {
    const s = Array.from({ length: 300 }, (_, i) => `line ${i} ${'w'.repeat(i % 40)}`).join('\n') + ` ${'z'.repeat(5000)}`;
    const parts = splitText(s, 2000);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, '')).toBe(s.replace(/\s+/g, ''));
  });
});

it('escapeText leaves plain words alone', () => {
  expect(escapeText('Kyiv mayor said 42 things')).toBe('Kyiv mayor said 42 things');
});

it('escapeText escapes line-start markup and backslashes, and mentions cannot render', () => {
  expect(escapeText('> quoted\n# Heading\n- item\n12. item\nC:\\path <@123> <#9>')).toBe('\\> quoted\n\\# Heading\n\\- item\n12\\. item\nC:\\\\path \\<@123> \\<#9>');
});
