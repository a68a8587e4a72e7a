// Bytes to text, with the charset found the way browsers and feed readers look for it: a byte-order mark; then
// UTF-16 or UTF-32 by the pattern of zero bytes (a document without a mark); then the charset the Content-Type
// header declares, then the XML declaration or an HTML meta tag; then UTF-8 if the bytes are valid UTF-8; and
// only then a detector (jschardet) for undeclared legacy charsets such as KOI8-R or windows-1251.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';

function fromBom(bytes: Buffer): string | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 and UTF-32 without a mark, by where the zero bytes fall in the first 512 bytes: markup is mostly ASCII,
 * so every character has zero high bytes (and UTF-32's top byte is always zero). ASCII-based charsets have none.
 */
function fromZeroPattern(bytes: Buffer): string | null {
  const n = Math.min(bytes.length, 512) & ~3;
  if (n < 4) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]!++;
  const groups = n / 4;
  if (zeros[0] === groups && zeros[1]! >= 0.9 * groups) return 'utf-32be';
  if (zeros[3] === groups && zeros[2]! >= 0.9 * groups) return 'utf-32le';
  const even = zeros[0]! + zeros[2]!;
  const odd = zeros[1]! + zeros[3]!;
  const pairs = n / 2;
  if (even >= 0.3 * pairs && odd <= 0.02 * pairs) return 'utf-16be';
  if (odd >= 0.3 * pairs && even <= 0.02 * pairs) return 'utf-16le';
  return null;
}

function fromContentType(contentType: string | null): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** The encoding a document declares about itself, read from its first bytes as ASCII. */
function fromDocument(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8192).toString('latin1');
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    null
  );
}

/**
 * A declared name as the web reads it: Latin-1 and ASCII labels mean windows-1252 (WHATWG), and a declared
 * UTF-16/32 on bytes without their zero pattern is a mislabel of an ASCII-based document (browsers read UTF-8).
 */
function normalized(declared: string): string | null {
  const name = declared.toLowerCase();
  if (/^(iso[-_]?8859[-_]1|latin-?1|l1|us-ascii|ascii|cp819|ibm819)$/.test(name)) return 'windows-1252';
  if (/^(utf|ucs)-?(16|32|2|4)/.test(name)) return 'utf-8';
  return iconv.encodingExists(name) ? name : null;
}

/** The detector is read from disk only when an undeclared legacy document first arrives: its models weigh ~55 MB. */
let detector: { detect(input: string): { encoding: string | null } } | null = null;
const DETECT_BYTES = 64 * 1024;

function detected(bytes: Buffer): string {
  detector ??= createRequire(import.meta.url)('jschardet') as NonNullable<typeof detector>;
  const guess = detector.detect(bytes.subarray(0, DETECT_BYTES).toString('latin1')).encoding;
  return guess && iconv.encodingExists(guess) ? guess : 'windows-1252';
}

/** The charset a body is in, by the order above. */
export function charsetOf(bytes: Buffer, contentType: string | null): string {
  const declared = fromContentType(contentType) ?? fromDocument(bytes);
  return (
    fromBom(bytes) ??
    fromZeroPattern(bytes) ??
    (declared && normalized(declared)) ??
    (isUtf8(bytes) ? 'utf-8' : detected(bytes))
  );
}

/** Decodes a response body; an unknown declared charset is passed over as if none were declared. */
export function decodeBody(bytes: Buffer, contentType: string | null): string {
  // iconv-lite strips a BOM by default.
  return iconv.decode(bytes, charsetOf(bytes, contentType));
}
