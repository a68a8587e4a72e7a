// Word tokens found by reading character codes: the tokens of `words` in tokens.ts
// (/[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu), as offsets, with no string made per word. Callers that drop most
// words (stopwords, numbers) look at the offsets first and make strings only of the words they keep.

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;

const IS_LETTER = 1;
const IS_NUMBER = 2;
const IS_OTHER = 3;

/** The class of each UTF-16 unit outside ASCII, learned on first sight (0: not seen yet). */
const UNIT_CLASS = new Uint8Array(65536);
/** The class of code points beyond the BMP (written as surrogate pairs). */
const ASTRAL_CLASS = new Map<number, number>();

function classify(char: string): number {
  if (LETTER.test(char)) return IS_LETTER;
  return NUMBER.test(char) ? IS_NUMBER : IS_OTHER;
}

function unitClass(code: number): number {
  let known = UNIT_CLASS[code] as number;
  if (known === 0) {
    known = classify(String.fromCharCode(code));
    UNIT_CLASS[code] = known;
  }
  return known;
}

function astralClass(point: number): number {
  let known = ASTRAL_CLASS.get(point);
  if (known === undefined) {
    known = classify(String.fromCodePoint(point));
    ASTRAL_CLASS.set(point, known);
  }
  return known;
}

/** Classes of the ASCII characters. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? IS_LETTER : code >= 48 && code <= 57 ? IS_NUMBER : IS_OTHER,
);

/** Width in UTF-16 units of the code point `classAt` last read (module state: the scan is synchronous). */
let width = 1;

/** Class of the code point at `at` (0 past the end); its width goes to `width`. */
function classAt(text: string, at: number): number {
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  width = 1;
  if (code < 128) return ASCII_CLASS[code] as number;
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      width = 2;
      return astralClass(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
    }
  }
  return unitClass(code);
}

/**
 * Words over a–z and the apostrophe, each with tag bits (which lists it is on), found by walking a trie
 * along a stretch of text: no string is made to ask.
 */
export class WordTags {
  /** `edges[node * 27 + symbol]`: the next node, 0 for none (the root is never a child). */
  readonly edges: Int32Array;
  readonly tags: Uint8Array;

  constructor(lists: readonly (readonly [Iterable<string>, number])[]) {
    const edges: number[] = [];
    const tags: number[] = [0];
    for (const [words, tag] of lists) {
      for (const word of words) {
        if (!/^[a-z']+$/u.test(word)) continue;
        let node = 0;
        for (let i = 0; i < word.length; i++) {
          const slot = node * 27 + symbol(word.charCodeAt(i));
          let next = edges[slot] ?? 0;
          if (next === 0) {
            next = tags.length;
            tags.push(0);
            edges[slot] = next;
          }
          node = next;
        }
        tags[node] = (tags[node] as number) | tag;
      }
    }
    this.edges = Int32Array.from({ length: tags.length * 27 }, (_, i) => edges[i] ?? 0);
    this.tags = Uint8Array.from(tags);
  }

  /** The tags of text.slice(start, end) (0 when it is on no list). */
  tagsOf(text: string, start: number, end: number): number {
    let node = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 39 && (code < 97 || code > 122)) return 0;
      node = this.edges[node * 27 + symbol(code)] as number;
      if (node === 0) return 0;
    }
    return this.tags[node] as number;
  }
}

const NO_TAGS = new WordTags([]);

/**
 * Walks the word tokens of one text: `while (cursor.next())` then `cursor.start`, `cursor.end`, and
 * `cursor.tags` (the word's tags in the given table: read on the way, no second look) and
 * `cursor.digits` (the word is ASCII digits only).
 */
export class WordCursor {
  start = 0;
  end = 0;
  tags = 0;
  digits = false;
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly table: WordTags = NO_TAGS,
  ) {}

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    const length = text.length;
    const edges = this.table.edges;
    let at = this.at;
    // A word starts at a letter or a digit.
    for (;;) {
      if (at >= length) {
        this.at = at;
        return false;
      }
      const code = text.charCodeAt(at);
      if (code < 128) {
        if (ASCII_CLASS[code] !== IS_OTHER) break;
        at++;
      } else if (classAt(text, at) === IS_OTHER) at += width;
      else break;
    }
    this.start = at;
    // The trie node of the word so far (-1: on no list), and whether it is all digits.
    let node = 0;
    let digits = true;
    while (at < length) {
      const code = text.charCodeAt(at);
      if (code < 128) {
        const kind = ASCII_CLASS[code];
        if (kind === IS_OTHER) break;
        if (kind === IS_NUMBER) node = -1;
        else {
          digits = false;
          if (node >= 0) node = code >= 97 ? (edges[node * 27 + code - 97] as number) || -1 : -1;
        }
        at++;
      } else if (classAt(text, at) !== IS_OTHER) {
        node = -1;
        digits = false;
        at += width;
      } else break;
    }
    // Then any number of apostrophe-and-letters: "don't", "o'brien", "rock'n'roll".
    while (at < length) {
      const code = text.charCodeAt(at);
      if ((code !== 39 && code !== 0x2019) || classAt(text, at + 1) !== IS_LETTER) break;
      digits = false;
      if (node >= 0) node = code === 39 ? (edges[node * 27 + 26] as number) || -1 : -1;
      at++;
      while (at < length) {
        const c = text.charCodeAt(at);
        if (c < 128) {
          if (ASCII_CLASS[c] !== IS_LETTER) break;
          if (node >= 0) node = c >= 97 ? (edges[node * 27 + c - 97] as number) || -1 : -1;
          at++;
        } else if (classAt(text, at) === IS_LETTER) {
          node = -1;
          at += width;
        } else break;
      }
    }
    this.end = at;
    this.at = at;
    this.tags = node > 0 ? (this.table.tags[node] as number) : 0;
    this.digits = digits;
    return true;
  }
}

function symbol(code: number): number {
  return code === 39 ? 26 : code - 97;
}
