// Finding a site's feed: the <link rel="alternate"> tags of its page first, then the paths feeds usually live at.
const FEED_TYPES = /application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(rss|atom)|text\/xml|application\/json/i;

/** Feed addresses a page announces, absolute, in page order. */
export function feedLinks(html: string, pageUrl: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
    const rel = attr('rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attr('type') ?? '';
    const href = attr('href');
    if (!href || !rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    try {
      const url = new URL(href.replace(/&amp;/g, '&'), pageUrl).toString();
      if (!found.includes(url) && /^https?:/.test(url)) found.push(url);
    } catch {
      // a broken href is skipped
    }
  }
  return found;
}

/** Where feeds usually live when a page does not say. */
export const COMMON_FEED_PATHS = ['/feed', '/rss', '/feed.xml', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json', '/feeds/posts/default', '/?feed=rss2'];

export function commonFeedUrls(pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  return COMMON_FEED_PATHS.map((p) => `${origin}${p}`);
}
