// Telegram HTML: escaped where it must be, valid by the fake's strict parser, split between stories.
import { describe, expect, it } from 'vitest';
import { TELEGRAM_TEXT_LIMIT, escapeHtml, renderDocument } from '../../../src/adapters/telegram/render';
import { digestDocument } from '../../../src/core/digest/document';
import type { Document } from '../../../src/core/document';
import type { DigestEntry } from '../../../src/core/model';
import { parseTelegramHtml } from '../../fakes/telegram/html';

const entry = (i: number, words: number): DigestEntry => ({
  storyId: `s${i}`,
  headline: `Headline ${i} <script>alert("x")</script> & co`,
  url: `https://example.org/story?id=${i}&ref="rss"`,
  publishedAt: '2026-03-01T10:00:00Z',
  summary: [`${'text '.repeat(words).trim()} end${i}.`],
  quote: { text: `I said <b>${i}</b> & meant it`, speaker: 'O’Brien & Sons <Ltd>', cue: 'said' },
  sources: [{ name: 'A & B', url: 'https://a.example/?x=1&y=2' }, { name: 'C', url: null }],
  excerptOnly: false,
});
const digest = (entries: DigestEntry[]) => digestDocument({ timezone: 'UTC', since: '2026-03-01T00:00:00Z', until: '2026-03-02T00:00:00Z', generatedAt: '2026-03-02T00:00:00Z', entries });

describe('renderDocument', () => {
  it('escapes text and attributes, links the headline, quotes with the speaker', () => {
    const [m] = renderDocument(digest([entry(1, 5)]));
    expect(m?.html).toContain('<a href="https://example.org/story?id=1&amp;ref=&quot;rss&quot;"><b>Headline 1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</b></a>');
    expect(m?.html).toContain('<blockquote>“I said &lt;b&gt;1&lt;/b&gt; &amp; meant it”\n— <i>O’Brien &amp; Sons &lt;Ltd&gt;</i></blockquote>');
    expect(m?.html).toContain('<b>Sources:</b> <a href="https://a.example/?x=1&amp;y=2">A &amp; B</a> · C');
    const parsed = parseTelegramHtml(m!.html);
    expect(parsed.ok && parsed.text).toContain('Headline 1 <script>alert("x")</script> & co');
  });

  it('previews only a single article', () => {
    expect(renderDocument(digest([entry(1, 5)]))[0]?.previewUrl).toBe('https://example.org/story?id=1&ref="rss"');
    expect(renderDocument(digest([entry(1, 5), entry(2, 5)])).every((m) => m.previewUrl === null)).toBe(true);
  });

  it('splits a long digest between stories, each part valid and within the limit', () => {
    const entries = Array.from({ length: 10 }, (_, i) => entry(i, 150));
    const parts = renderDocument(digest(entries));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      const parsed = parseTelegramHtml(p.html);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    }
    // Each story is whole in exactly one part, in order.
    const where = entries.map((_, i) => parts.findIndex((p) => p.html.includes(`end${i}.`) && p.html.includes(`I said &lt;b&gt;${i}`)));
    expect(where.every((w) => w >= 0)).toBe(true);
    expect([...where].sort((a, b) => a - b)).toEqual(where);
  });

  it('cuts a single block longer than a message between words, never inside a tag or an entity', () => {
    const doc: Document = { sections: [{ blocks: [{ kind: 'heading', inlines: [{ text: 'Long', bold: true }] }, { kind: 'paragraph', inlines: [{ text: 'a&b <c> '.repeat(1500), italic: true }] }] }] };
    const parts = renderDocument(doc);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      const parsed = parseTelegramHtml(p.html);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    }
    expect(parts.map((p) => parseTelegramHtml(p.html)).map((r) => (r.ok ? r.text : '')).join(' ')).toContain('a&b <c> a&b <c>');
  });

  it('drops links that are not web links', () => {
    const [m] = renderDocument({ sections: [{ blocks: [{ kind: 'paragraph', inlines: [{ text: 'x', href: 'javascript:alert(1)' }] }] }] });
    expect(m?.html).toBe('x');
    expect(escapeHtml('<&>"')).toBe('&lt;&amp;&gt;&quot;');
  });
});
