// The page reader as a pure function: which text wins, when a page is excerpt-only, what it says about itself
// (date, author, address, title, image), and how it stays bounded on huge or hostile markup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../src/core/model';
import { extractArticle } from '../../src/sources/page/extract';
import { PAGE_LIMITS, scanPage } from '../../src/sources/page/scan';
import { FIXTURES } from '../fakes/feed-server';

const page = (name: string) => readFileSync(join(FIXTURES, 'pages', name), 'utf8');
function read(html: string, url = 'https://news.example/story'): RawItem {
  const r = extractArticle(html, url);
  if (!r.ok) throw r.error;
  if (!r.value) throw new Error('no article');
  return r.value;
}

describe('excerpt-only is about the text we hold, not about flags', () => {
  it('keeps the full text of a page marked paid when the page carries the whole article', () => {
    const item = read(page('paywall-full-text.html'));
    expect(item.excerptOnly).toBe(false);
    expect(item.text).toContain('The board will publish the order of the streets on its website next month');
  });

  it('still marks a paid page that holds only the teaser', () => {
    const item = read(page('paywall.html'));
    expect(item.excerptOnly).toBe(true);
    expect(item.text).toContain('Ministers discussed cuts to three departments');
  });

  it('does not mark a complete short article', () => {
    const item = read(page('short-complete.html'));
    expect(item.excerptOnly).toBe(false);
    expect(item.text).toContain('Passengers with tickets can travel on Monday');
  });

  it('marks a page that holds less than half the words it says the article has', () => {
    const item = read(page('stated-length-teaser.html'));
    expect(item.text.length).toBeGreaterThan(600);
    expect(item.excerptOnly).toBe(true);
  });

  it('reads the article body a page states in JSON-LD when its markup holds only the start', () => {
    const item = read(page('articlebody-only.html'));
    expect(item.excerptOnly).toBe(false);
    expect(item.text).toContain('Engineers expect the first section, about three kilometres of pipe');
    expect(item.author).toBe('Priya Nair');
  });
});

describe('what a page says about itself', () => {
  it('takes date, author, address, title and image from JSON-LD @graph and meta tags', () => {
    const item = read(page('paywall-full-text.html'), 'https://rivertimes.example/amp/lead-pipes');
    expect(item.publishedAt).toBe('2025-06-10T11:30:00.000Z');
    expect(item.author).toBe('Jonas Weber');
    expect(item.url).toBe('https://rivertimes.example/2025/06/lead-pipes');
    expect(item.title).toBe('Lead pipes to go within four years');
    expect(item.image).toBe('https://rivertimes.example/images/pipes.jpg');
  });

  it('takes the date and author from microdata when the head says nothing', () => {
    const item = read(page('microdata-dates.html'));
    expect(item.publishedAt).toBe('2019-11-05T20:15:00.000Z');
    expect(item.author).toBe('Tom Berger');
    expect(item.text).toContain('Sleeper cars bought second-hand');
  });

  it('takes the date of a <time> inside the article', () => {
    expect(read(page('short-complete.html')).publishedAt).toBe('2025-06-07T00:00:00.000Z');
  });

  it('trusts JSON-LD over meta tags, and meta tags over <time> and the address', () => {
    const html = `<html><head><meta property="article:published_time" content="2024-03-02T10:00:00Z">
      <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01T10:00:00Z"}</script></head>
      <body><article><time datetime="2024-03-03">3 March</time><p>${'Text of the article that goes on for a while. '.repeat(20)}</p></article></body></html>`;
    expect(read(html, 'https://x.example/2024/03/04/story').publishedAt).toBe('2024-03-01T10:00:00.000Z');
    const noLd = html.replace(/<script[\s\S]*?<\/script>/, '');
    expect(read(noLd, 'https://x.example/2024/03/04/story').publishedAt).toBe('2024-03-02T10:00:00.000Z');
    const timeOnly = noLd.replace(/<meta[^>]*>/, '');
    expect(read(timeOnly, 'https://x.example/2024/03/04/story').publishedAt).toBe('2024-03-04T00:00:00.000Z');
    expect(read(timeOnly, 'https://x.example/story').publishedAt).toBe('2024-03-03T00:00:00.000Z');
  });

  it('reads a date labelled in the text when nothing else states one', () => {
    const html = `<html><body><div class="story"><h1>Hall reopens</h1><p>Erstellt am: 30.01.2022 18:36</p>
      <p>${'Die Halle ist nach dem Umbau wieder offen und die Vereine trainieren dort ab Montag. '.repeat(8)}</p></div></body></html>`;
    expect(read(html).publishedAt).toBe('2022-01-30T18:36:00.000Z');
  });

  it('gives no date rather than a wrong one when the page states none', () => {
    const html = `<html><body><article><p>${'A page about gardening with no date anywhere on it at all. '.repeat(15)}</p></article></body></html>`;
    expect(read(html).publishedAt).toBeNull();
  });
});

describe('bounded work on huge and hostile pages', () => {
  const block = (i: number) => `<div class="c"><span>${i}</span><a href="/x/${i}">link ${i}</a></div>`;

  it('cuts scripts, styles, SVG and comments out before the DOM and keeps <noscript> content', () => {
    const scan = scanPage(
      `<html><head><style>p{color:red}</style></head><body><script>var x = "</div>";</script><!-- note --><svg><text>icon</text></svg>` +
        `<noscript><p>Shown without scripts.</p></noscript><p>Kept.</p></body></html>`,
    );
    expect(scan.markup).not.toMatch(/<script|<style|<svg|<!--|<noscript|icon|color:red/);
    expect(scan.markup).toContain('<p>Shown without scripts.</p>');
    expect(scan.markup).toContain('<p>Kept.</p>');
  });

  it('hands the DOM at most the documented number of elements, and reads the text on past the cut', () => {
    const lead = `<article><h1>Long thread</h1>${'<p>The opening post explains the plan for the new park in some detail, over several sentences.</p>'.repeat(30)}</article>`;
    const html = `<html><body>${lead}${Array.from({ length: 40_000 }, (_, i) => block(i)).join('')}</body></html>`;
    const scan = scanPage(html);
    expect(scan.cut).toBe('elements');
    expect((scan.markup.match(/<[a-z]/g) ?? []).length).toBeLessThanOrEqual(PAGE_LIMITS.maxElements + 2);
    const item = read(html);
    expect(item.text).toContain('The opening post explains the plan');
  });

  it('hands the DOM at most the documented number of characters', () => {
    const html = `<html><body><article>${'<p>One more long paragraph of the very long article, repeated to make the page large.</p>'.repeat(60_000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const scan = scanPage(html);
    expect(scan.markup.length).toBeLessThanOrEqual(PAGE_LIMITS.maxMarkupChars);
    expect(scan.cut).not.toBeNull();
  });

  it('refuses, with a clear error, a page nested too deep to hold any text before the cut', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}<p>deep</p>${'</div>'.repeat(100_000)}</body></html>`;
    const r = extractArticle(html, 'https://hostile.example/');
    expect(r.ok ? 'read' : r.error.code).toBe('source/unreadable');
    expect(r.ok ? '' : r.error.userMessage).toMatch(/nests its markup more than \d+ levels/);
  });

  it('is a pure function: the same page gives the same article, call after call', () => {
    const html = page('paywall-full-text.html');
    expect(extractArticle(html, 'https://a.example/')).toEqual(extractArticle(html, 'https://a.example/'));
  });
});
