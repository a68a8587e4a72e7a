// A web page's article: its main text found by Mozilla Readability on a light DOM (linkedom) built from the
// scanned, bounded markup, with the paragraph cluster as a second opinion; its date, author, address, title and
// image from what the page states about itself (metadata.ts). A pure function of the HTML and its address with
// no state between calls, so it can run in a worker thread.
//
// Excerpt-only means the text we have is really short of the article: the page states a length (JSON-LD
// wordCount or articleBody) and we hold less than half of it, or the page is marked paid (isAccessibleForFree:
// false, a paywall block) and holds only a teaser's worth of text. A paywall flag over a page that carries the
// whole article is not an excerpt, and neither is a complete short article.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { type Result, fail, ok } from '../../core/errors';
import type { RawItem } from '../../core/model';
import { htmlToText } from '../feed/html-text';
import { pageFacts } from './metadata';
import { PAGE_LIMITS, scanPage } from './scan';

/** With a paywall mark, less text than this is the teaser. */
const TEASER_CHARS = 600;
/** Holding less than this share of the words the page says the article has is holding an excerpt. */
const STATED_SHARE = 0.5;
const PAYWALL_BLOCK = /class="[^"]*\b(paywall|piano-offer|subscriber-only|premium-content|meteredContent)\b/i;
/** A paragraph of running text, as opposed to a label, a menu entry or a caption. */
const RUNNING = 40;
/** The page's stated article body replaces the text read from its markup when it has this many times the words. */
const STATED_BODY_FACTOR = 1.5;

/** True when the page says it is one article (og:type, JSON-LD, an <article>), not a front page or an index. */
export function isArticlePage(html: string): boolean {
  return (
    /<meta[^>]+(?:property|name)=["']og:type["'][^>]+content=["']article["']|<meta[^>]+content=["']article["'][^>]+property=["']og:type["']/i.test(html) ||
    /"@type"\s*:\s*"(?:News|Blog|Report|Scholarly|Tech)?Article"|"@type"\s*:\s*"BlogPosting"/i.test(html)
  );
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** Characters in paragraphs long enough to be running text. */
const runningChars = (text: string) => text.split('\n').reduce((n, line) => (line.length >= RUNNING ? n + line.length : n), 0);

function readability(markup: string): { text: string; title: string | null; byline: string | null } {
  // linkedom's document is a DOM document to Readability; its declared types are not the DOM library's.
  const { document } = parseHTML(markup) as unknown as { document: never };
  try {
    const parsed = new Readability(document, { charThreshold: 300, maxElemsToParse: PAGE_LIMITS.maxElements + 100 }).parse();
    return { text: parsed?.content ? htmlToText(parsed.content) : '', title: parsed?.title?.trim() || null, byline: parsed?.byline?.trim() || null };
  } catch {
    return { text: '', title: null, byline: null }; // a page Readability cannot walk: the cluster reading stands alone
  }
}

/**
 * Readability's text unless the paragraph cluster holds more than twice its running text (Readability took a
 * teaser box, a byline block or a sidebar for the article).
 */
function mainText(fromReadability: string, cluster: { text: string; score: number }): string {
  return cluster.score > 2 * runningChars(fromReadability) ? cluster.text : fromReadability;
}

function resolved(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The article of a page; null when the page has no text worth reading; an error when its markup nests so deep
 * that nothing readable comes before the cut.
 */
export function extractArticle(html: string, url: string): Result<RawItem | null> {
  const scan = scanPage(html);
  const facts = pageFacts(scan, url);
  const read = readability(scan.markup);
  const fromMarkup = mainText(read.text, scan.cluster);
  // Pages that render their text by script still state it in JSON-LD: when that is clearly longer, it is the article.
  const stated = facts.articleBody ? htmlToText(facts.articleBody) : '';
  const text = words(stated) > STATED_BODY_FACTOR * words(fromMarkup) ? stated : fromMarkup;
  if (!text && scan.cut === 'depth')
    return fail('source/unreadable', `The page at ${url} nests its markup more than ${PAGE_LIMITS.maxDepth} levels deep before any text; I do not read pages built that way.`);
  const item = {
    guid: null,
    url: resolved(facts.canonical, url) ?? url,
    title: (facts.title ?? read.title ?? scan.title)?.trim() || null,
    publishedAt: facts.publishedAt,
    author: facts.author ?? read.byline?.replace(/^by\s+/i, '') ?? null,
    image: resolved(facts.image, url),
  };
  const shortOfStated = facts.statedWords !== null && words(text) < STATED_SHARE * facts.statedWords;
  const paid = facts.accessibleForFree === false || PAYWALL_BLOCK.test(scan.markup);
  if (text && !shortOfStated && !(paid && text.length < TEASER_CHARS)) return ok({ ...item, text, excerptOnly: false });
  const teaser = text.length >= (facts.description?.length ?? 0) ? text : (facts.description ?? '');
  return ok(teaser.trim() ? { ...item, text: teaser, excerptOnly: true } : null);
}
