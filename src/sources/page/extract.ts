// A web page's main text, found by Mozilla Readability on a light DOM (linkedom). When the page holds only a
// teaser (a paywall, a consent wall, a blocked page), the item is marked excerptOnly so the digest says so.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawItem } from '../../core/model';
import { htmlToText } from '../feed/html-text';
import { parseDate } from '../dates';

/** Less article text than this is a teaser, not the article. */
const MIN_ARTICLE_CHARS = 600;
const PAYWALL = /"isAccessibleForFree"\s*:\s*"?false"?|class="[^"]*\b(paywall|piano-offer|subscriber-only|premium-content|meteredContent)\b/i;

type Doc = { querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null };

const meta = (doc: Doc, ...names: string[]): string | null => {
  for (const n of names) {
    const v = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

/** True when the page says it is one article (og:type, JSON-LD, an <article>), not a front page or an index. */
export function isArticlePage(html: string): boolean {
  return (
    /<meta[^>]+(?:property|name)=["']og:type["'][^>]+content=["']article["']|<meta[^>]+content=["']article["'][^>]+property=["']og:type["']/i.test(html) ||
    /"@type"\s*:\s*"(?:News|Blog|Report|Scholarly|Tech)?Article"|"@type"\s*:\s*"BlogPosting"/i.test(html)
  );
}

/** The article of a page, or null when the page has no text worth reading. */
export function extractArticle(html: string, url: string): RawItem | null {
  const { document } = parseHTML(html);
  const doc = document as unknown as Doc;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const description = meta(doc, 'og:description', 'description', 'twitter:description');
  const published = parseDate(meta(doc, 'article:published_time', 'og:published_time', 'date', 'dc.date', 'DC.date.issued'));
  const ogTitle = meta(doc, 'og:title', 'twitter:title');
  const paywalled = PAYWALL.test(html);
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as never, { charThreshold: 300 }).parse();
  } catch {
    parsed = null; // a page Readability cannot walk is treated like one with no article
  }
  const text = parsed?.content ? htmlToText(parsed.content) : '';
  const title = (ogTitle ?? parsed?.title ?? doc.querySelector('title')?.textContent ?? '').trim() || null;
  let resolved = url;
  try {
    if (canonical) resolved = new URL(canonical, url).toString();
  } catch {
    // keep the fetched address
  }
  const base = { guid: null, url: resolved, title, publishedAt: published, author: meta(doc, 'author', 'article:author') ?? parsed?.byline ?? null };
  if (text.length >= MIN_ARTICLE_CHARS && !paywalled) return { ...base, text, excerptOnly: false };
  const teaser = text.length >= (description?.length ?? 0) ? text : (description ?? '');
  if (!teaser.trim()) return null;
  return { ...base, text: teaser, excerptOnly: true };
}
