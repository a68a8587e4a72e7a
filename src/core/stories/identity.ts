// Which item is which: a feed's GUID, else the canonical URL, else a hash of title and content.
import type { RawItem } from '../model';
import { fnv1a64 } from './hash';

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|ref_src)$/i;

/** Lower-case scheme and host, no fragment, no tracking parameters, no default port. Null when not a URL. */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  return url.toString();
}

/**
 * The stable id of an item within its feed. A GUID is scoped to the feed (two feeds may reuse "1");
 * URLs and content hashes are global, so the same article reached through two feeds is one article.
 * The content hash leaves the title out, so an edited headline does not make a new item.
 */
export function itemIdentity(item: RawItem, feedKey: string): string {
  const guid = item.guid?.trim();
  if (guid) {
    const asUrl = canonicalUrl(guid);
    return asUrl ? `url:${asUrl}` : `guid:${fnv1a64(`${feedKey}\n${guid}`)}`;
  }
  const url = item.url ? canonicalUrl(item.url) : null;
  if (url) return `url:${url}`;
  // The text alone when there is one, so an edited headline is not a new item; the title only when it is all there is.
  const text = item.text.replace(/\s+/g, ' ').trim().toLowerCase();
  return `hash:${fnv1a64(text || `title:${(item.title ?? '').replace(/\s+/g, ' ').trim().toLowerCase()}`)}`;
}
