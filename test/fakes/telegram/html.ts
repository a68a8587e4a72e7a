// Telegram's HTML parse mode, as strictly as the Bot API applies it: only its own tags, properly nested,
// only &lt; &gt; &amp; &quot; and numeric entities. Returns the visible text, or the error Telegram gives.

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

export function parseTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const bad = (what: string) => ({ ok: false as const, error: `Bad Request: can't parse entities: ${what} at byte offset ${Buffer.byteLength(html.slice(0, i))}` });
  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(html.slice(i, i + 12));
      if (!m) return bad('Character entity expected');
      const name = m[1]!;
      if (name.startsWith('#x') || name.startsWith('#X')) text += String.fromCodePoint(parseInt(name.slice(2), 16));
      else if (name.startsWith('#')) text += String.fromCodePoint(Number(name.slice(1)));
      else if (NAMED[name] !== undefined) text += NAMED[name];
      else return bad(`Unsupported HTML entity "&${name};"`);
      i += m[0].length;
      continue;
    }
    if (c === '<') {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*"|='[^']*')?)*)\s*>/i.exec(html.slice(i));
      if (!m) return bad('Unexpected start of a tag');
      const [whole, closing, rawName, attrs] = m;
      const name = rawName!.toLowerCase();
      if (!TAGS.has(name)) return bad(`Unsupported start tag "${name}"`);
      if (closing) {
        const open = stack.pop();
        if (open !== name) return bad(`Unmatched end tag "${name}"${open ? `, expected "</${open}>"` : ''}`);
      } else {
        if (name === 'a' && !/\shref=("[^"]*"|'[^']*')/i.test(attrs ?? '')) return bad('Tag "a" must have attribute "href"');
        if (name === 'span' && !/class="tg-spoiler"/.test(attrs ?? '')) return bad('Tag "span" must have class "tg-spoiler"');
        if ((name === 'a' && stack.includes('a')) || (name === 'blockquote' && stack.includes('blockquote'))) return bad(`Nested tag "${name}" is not allowed`);
        if (stack.includes('pre') && name !== 'code') return bad(`Tag "${name}" inside "pre"`);
        stack.push(name);
      }
      i += whole.length;
      continue;
    }
    text += c;
    i++;
  }
  if (stack.length) return bad(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}
