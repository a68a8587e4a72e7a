// OPML, the list format feed readers exchange subscriptions in: read the feeds out of one, write one.
import { generateOpml, parseOpml } from 'feedsmith';
import { type Result, fail, ok } from '../../core/errors';

export interface OpmlFeed {
  url: string;
  title: string | null;
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/** Every feed in an OPML document (nested folders included), each address once; bad addresses are reported back. */
export function readOpml(text: string): Result<{ feeds: OpmlFeed[]; skipped: string[] }> {
  if (/<!ENTITY/i.test(text.slice(0, 64 * 1024))) return fail('feed/unparseable', 'This OPML file declares XML entities, which I do not expand.');
  let doc: { body?: { outlines?: Outline[] } };
  try {
    doc = parseOpml(text);
  } catch {
    return fail('feed/unparseable', 'This is not an OPML file (a feed reader’s export, <opml><body><outline xmlUrl="…"/>…).');
  }
  const feeds: OpmlFeed[] = [];
  const skipped: string[] = [];
  const walk = (outlines: Outline[] = []) => {
    for (const o of outlines) {
      if (o.xmlUrl) {
        let url: URL | null = null;
        try {
          url = new URL(o.xmlUrl.trim());
        } catch {
          url = null;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) skipped.push(o.xmlUrl);
        else if (!feeds.some((f) => f.url === url.toString())) feeds.push({ url: url.toString(), title: o.title?.trim() || o.text?.trim() || null });
      }
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return ok({ feeds, skipped });
}

export function writeOpml(feeds: OpmlFeed[], title = 'Tidings feeds'): string {
  return generateOpml({
    head: { title },
    body: { outlines: feeds.map((f) => ({ text: f.title ?? f.url, ...(f.title ? { title: f.title } : {}), type: 'rss', xmlUrl: f.url })) },
  });
}
