// HTML fragments (feed descriptions, content:encoded) into clean plain text: block elements become line breaks,
// scripts, styles and embedded media are dropped, entities decoded, whitespace collapsed.
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'svg', 'template', 'head', 'button', 'form', 'select']);

/** Plain text of an HTML fragment; plain text passes through with its entities decoded. */
export function htmlToText(html: string): string {
  if (!html) return '';
  const out: string[] = [];
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name, implied) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && !implied) out.push('\n');
        else if (name === 'td' || name === 'th') out.push(' ');
      },
      ontext(text) {
        if (!skipping) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
