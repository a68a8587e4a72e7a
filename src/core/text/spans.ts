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
  while (s < e && /\s/u.test(source[s] ?? '')) s++;
  while (e > s && /\s/u.test(source[e - 1] ?? '')) e--;
  return s < e ? { start: s, end: e, text: source.slice(s, e) } : null;
}
