// Verbs and phrases that attribute speech. The sentence splitter uses them to keep `"Why?" he asked.`
// in one sentence; the quote extractor uses them to find who spoke.

const CUE_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'emphasized',
  'emphasised', 'emphasizes', 'stressed', 'stresses', 'acknowledged', 'acknowledges', 'asked', 'asks', 'explained',
  'explains', 'wrote', 'writes', 'continued', 'continues', 'argued', 'argues', 'insisted', 'insists', 'declared',
  'declares', 'replied', 'replies', 'responded', 'responds', 'recalled', 'recalls', 'warned', 'warns', 'claimed',
  'claims', 'admitted', 'admits', 'announced', 'announces', 'observed', 'remarked', 'commented', 'suggested',
  'suggests', 'tweeted', 'tweets', 'posted', 'wrote', 'concluded', 'conceded', 'concedes', 'agreed', 'agrees',
  'confirmed', 'confirms', 'predicted', 'predicts', 'promised', 'promises', 'joked', 'jokes', 'quipped', 'shouted',
  'yelled', 'cried', 'exclaimed', 'whispered', 'pointed out', 'points out', 'went on', 'goes on', 'summed up',
  'added that', 'mused', 'countered', 'counters', 'retorted', 'boasted', 'boasts', 'complained', 'complains',
  'lamented', 'laments', 'charged', 'charges', 'alleged', 'alleges', 'assured', 'assures', 'reiterated',
  'reiterates', 'testified', 'testifies', 'reported', 'reports', 'urged', 'urges', 'demanded', 'demands',
  'according to', 'describes', 'described', 'called', 'calls', 'thinks', 'thought', 'believes', 'believed',
  'contended', 'contends', 'maintained', 'maintains', 'underlined', 'underscored', 'highlighted', 'announced',
  'elaborated', 'offered', 'recounted', 'remembered', 'sighed', 'snapped', 'stated', 'vowed', 'vows',
  'fumed', 'gloated', 'wondered', 'cautioned', 'cautions', 'scoffed', 'marveled', 'marvelled', 'deadpanned',
  'put it', 'puts it', 'chimed in', 'shot back', 'fired back', 'piped up', 'proclaimed', 'declared', 'announced',
  'texted', 'emailed', 'messaged', 'blogged', 'answered', 'answers', 'objected', 'interjected', 'interrupted',
  'saying', 'adding', 'telling', 'noting', 'arguing', 'asking', 'writing', 'explaining', 'warning', 'insisting',
  'declaring', 'stating', 'tweeting', 'calling', 'recalling', 'acknowledging', 'emphasizing', 'stressing',
  'according to', 'as quoted by', 'spoke', 'speaks', 'reacted', 'reacts', 'wrote in', 'opined', 'mused',
];

/** Cue words sorted longest first, so "pointed out" wins over a shorter match. */
export const CUES: readonly string[] = [...new Set(CUE_VERBS)].sort((a, b) => b.length - a.length);

const cueAlternation = CUES.map((cue) => cue.replace(/ /gu, '\\s+')).join('|');

/** Matches one cue as a whole word or phrase. Case-insensitive. */
export const CUE_PATTERN = new RegExp(`(?<![\\p{L}])(?:${cueAlternation})(?![\\p{L}])`, 'iu');

/** Text right after a closing quotation mark that attributes it: `he asked`, `Smith said`, `said Smith`. */
export const ATTRIBUTION_AFTER_QUOTE = new RegExp(
  `^[\\s,]+(?:(?:[\\p{Lu}][\\p{L}'’.\\-]*|he|she|they|we|i|the|a|an|of|and|de|van|von|later|also|then|once|again|earlier|recently|previously|[\\p{Ll}]+ly|[\\p{Ll}]+(?=\\s+[\\p{Lu}]))\\s+){0,6}?(?:${cueAlternation})(?![\\p{L}])`,
  'u',
);

export interface CueMatch {
  index: number;
  /** Length of the matched text (a phrase may span several spaces). */
  length: number;
  /** The cue, lower-case, single-spaced. */
  cue: string;
}

const BY_FIRST_WORD = new Map<string, string[][]>();
for (const cue of CUES) {
  const parts = cue.split(' ');
  const first = parts[0] ?? '';
  const list = BY_FIRST_WORD.get(first) ?? [];
  list.push(parts);
  BY_FIRST_WORD.set(first, list);
}

const LETTER = /\p{L}/u;

// The cues' first words as a trie over a–z, walked while scanning, so a word that is no cue costs no
// string at all. `TRIE[node * 26 + letter]` is the next node (0: none); FIRST_WORD[node] the word ending there.
const TRIE_NODES: number[] = [0];
const FIRST_WORD: (string | undefined)[] = [undefined];
for (const first of BY_FIRST_WORD.keys()) {
  if (!/^[a-z]+$/u.test(first)) throw new Error(`cue word outside a–z: ${first}`);
  let node = 0;
  for (let i = 0; i < first.length; i++) {
    const slot = node * 26 + first.charCodeAt(i) - 97;
    let next = TRIE_NODES[slot] ?? 0;
    if (next === 0) {
      next = FIRST_WORD.length;
      FIRST_WORD.push(undefined);
      TRIE_NODES[slot] = next;
    }
    node = next;
  }
  FIRST_WORD[node] = first;
}
const TRIE = Int32Array.from({ length: FIRST_WORD.length * 26 }, (_, i) => TRIE_NODES[i] ?? 0);

/** Whether a character outside ASCII is a letter, remembered per UTF-16 unit (surrogates are asked each time). */
const NON_ASCII_LETTER = new Uint8Array(65536); // 0 unknown, 1 letter, 2 not
function isLetterAt(text: string, at: number): { letter: boolean; width: number } {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(at) ?? code;
    return point > 0xffff ? { letter: LETTER.test(String.fromCodePoint(point)), width: 2 } : { letter: false, width: 1 };
  }
  let known = NON_ASCII_LETTER[code] as number;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(code)) ? 1 : 2;
    NON_ASCII_LETTER[code] = known;
  }
  return { letter: known === 1, width: 1 };
}

/**
 * Every cue in `text`, in order. A scan over words (runs of letters) with a table lookup: far cheaper
 * than one regular expression with every cue in it, and this runs over all the narration of every article.
 */
export function findCues(text: string): CueMatch[] {
  const found: CueMatch[] = [];
  const length = text.length;
  let at = 0;
  while (at < length) {
    // Skip to the next letter.
    const code = text.charCodeAt(at);
    if (code < 128) {
      if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122))) {
        at++;
        continue;
      }
    } else {
      const { letter, width } = isLetterAt(text, at);
      if (!letter) {
        at += width;
        continue;
      }
    }
    // A run of letters: walk the trie while it is plain ASCII.
    const start = at;
    let node = 0;
    let ascii = true;
    while (at < length) {
      const c = text.charCodeAt(at);
      if (c < 128) {
        const lower = c | 32;
        if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
        if (node >= 0) node = TRIE[node * 26 + lower - 97] || -1;
        at++;
      } else {
        const { letter, width } = isLetterAt(text, at);
        if (!letter) break;
        ascii = false;
        at += width;
      }
    }
    // A run with other letters may still lower-case to a cue (the Kelvin sign is a "k"): ask as before.
    const word = ascii ? (node > 0 ? FIRST_WORD[node] : undefined) : text.slice(start, at).toLowerCase();
    const candidates = word === undefined ? undefined : BY_FIRST_WORD.get(word);
    if (candidates) matchCue(text, start, at, candidates, found);
  }
  return found;
}

/** The longest cue that starts with the word at [start, end), if the words after it complete one. */
function matchCue(text: string, start: number, wordEnd: number, candidates: string[][], found: CueMatch[]): void {
  for (const parts of candidates) {
    let end = wordEnd;
    let ok = true;
    for (const part of parts.slice(1)) {
      const next = /^\s+(\p{L}+)/u.exec(text.slice(end, end + 40));
      if (!next || next[1]?.toLowerCase() !== part) {
        ok = false;
        break;
      }
      end += next[0].length;
    }
    if (ok && !LETTER.test(text[end] ?? '')) {
      found.push({ index: start, length: end - start, cue: parts.join(' ') });
      return;
    }
  }
}
