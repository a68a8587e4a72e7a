/** A piece of a text by offsets: `text === source.slice(start, end)`. Offsets let quotes and sentences meet. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Trims a [start, end) range of `source` to its non-space content; null when nothing is left. */
export function trimmedSpan(source: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(source.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(source.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e, text: source.slice(s, e) } : null;
}

/** Whether a UTF-16 unit is white space as `\s` means it (every such character is in the BMP). */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * A copy of `text` that holds on to nothing else. A slice of a long text may share the text's memory
 * (V8 keeps a reference to the whole), so a long-lived cache keyed by a slice would keep every article it
 * came from; joining on a character and cutting it off again makes a string of its own.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : text.split('').join('');
}
