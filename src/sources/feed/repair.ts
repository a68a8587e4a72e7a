// What a lenient feed reader forgives: base64 text constructs of Atom 0.3 (`mode="base64"`), decoded in place
// before any parse; and, for a second parse of a feed the strict one refused, a last end tag cut short (`</rss`
// without `>`) and RSS whose every element carries a namespace prefix (`<rss:item>`).
import { isUtf8 } from 'node:buffer';

const BASE64_ELEMENT = /<((?:[\w.-]+:)?(?:content|summary|title|tagline|subtitle|info|copyright))\b([^>]*?)\s+mode\s*=\s*["']base64["']([^>]*)>([^<]*)<\/\1\s*>/gi;
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Atom text constructs in base64 as the text they encode (escaped, so they parse as the element's value). */
export function decodeBase64Elements(text: string): string {
  if (!/mode\s*=\s*["']base64/i.test(text)) return text;
  return text.replace(BASE64_ELEMENT, (whole, name: string, before: string, after: string, body: string) => {
    const compact = body.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return whole;
    const bytes = Buffer.from(compact, 'base64');
    if (!isUtf8(bytes)) return whole;
    return `<${name}${before}${after}>${escapeXml(bytes.toString('utf8'))}</${name}>`;
  });
}

/** A tag cut off at the very end of the document (`</rss`, `</chan`, `<`) is dropped; what came before stands. */
function dropCutTag(text: string): string {
  return text.replace(/<\/?[\w:.-]*\s*$/, '');
}

/** `<rss:rss><rss:channel>…`: the RSS elements' own prefix removed, so they read as plain RSS 2.0. */
function dropRssPrefix(text: string): string {
  const prefix = /<([\w.-]+):rss\b/.exec(text.slice(0, 4096))?.[1];
  if (!prefix) return text;
  const escaped = prefix.replace(/[.-]/g, '\\$&');
  return text.replace(new RegExp(`<(/?)${escaped}:(?=[\\w])`, 'g'), '<$1');
}

/** The feed text with the forgivable faults mended, or null when there is nothing to mend. */
export function repaired(text: string): string | null {
  const mended = dropRssPrefix(dropCutTag(text.trimEnd()));
  return mended === text.trimEnd() ? null : mended;
}
