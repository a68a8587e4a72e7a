// Bytes to text, with the charset found the way browsers and feed readers look for it:
// a byte-order mark, then the Content-Type header, then the XML declaration (or an HTML meta tag), then UTF-8.
import iconv from 'iconv-lite';

function fromBom(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function fromContentType(contentType: string | null): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** The encoding a document declares about itself, read from its first bytes as ASCII. */
function fromDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    null
  );
}

/** Decodes a response body; an unknown charset name falls back to UTF-8 rather than failing. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  const bom = fromBom(bytes);
  const declared = bom ?? fromContentType(contentType) ?? fromDocument(bytes) ?? 'utf-8';
  const charset = iconv.encodingExists(declared) ? declared : 'utf-8';
  // iconv-lite strips a BOM by default.
  return iconv.decode(bytes, charset);
}
