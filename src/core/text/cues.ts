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

/** A cue by its first word: the words that must follow, and the cue as reported. */
interface CuePhrase {
  rest: string[];
  cue: string;
}

const BY_FIRST_WORD = new Map<string, CuePhrase[]>();
for (const cue of CUES) {
  const [first = '', ...rest] = cue.split(' ');
  const list = BY_FIRST_WORD.get(first) ?? [];
  list.push({ rest, cue });
  BY_FIRST_WORD.set(first, list);
}

const LETTER = /\p{L}/u;
const SPACE = /\s/u;
const WORD = /\p{L}+/gu;

// Every cue's first word is plain a–z, and the only letter outside ASCII that lower-cases into a–z is
// the Kelvin sign. So in a text without one, a cue starts at a run of ASCII letters that spells a first
// word: one case-blind ASCII expression finds those (longest first), and a check that no other letter
// touches the run makes it a whole word, as a scan over every run of letters would find it.
const FIRST_WORDS = [...BY_FIRST_WORD.keys()].sort((a, b) => b.length - a.length);
if (FIRST_WORDS.some((word) => !/^[a-z]+$/u.test(word))) throw new Error('cue words must be plain a–z');
const FIRST_WORD_RUN = new RegExp(`(?<![A-Za-z])(?:${FIRST_WORDS.join('|')})(?![A-Za-z])`, 'gi');
const KELVIN = '\u212A';

/** Whether the code point that ends just before `at` is a letter. */
function letterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  if (code < 128) return false; // ASCII letters were ruled out by the expression
  // A low surrogate after a high one ends a pair: the character is the pair.
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0;
  const pair = code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return LETTER.test(text.slice(pair ? at - 2 : at - 1, at));
}

/** Whether the code point that starts at `at` is a letter. */
function letterAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const code = text.charCodeAt(at);
  if (code < 128) return false;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at) ?? code));
}

/**
 * Every cue in `text`, in order. Runs of letters are matched against the cues' first words, then the
 * words after them against the rest of the phrase: far cheaper than one regular expression with every
 * cue in it, and this runs over all the narration of every article.
 */
export function findCues(text: string): CueMatch[] {
  const found: CueMatch[] = [];
  if (text.includes(KELVIN)) {
    for (const match of text.matchAll(WORD)) {
      const candidates = BY_FIRST_WORD.get(match[0].toLowerCase());
      if (candidates) matchCue(text, match.index, match.index + match[0].length, candidates, found);
    }
    return found;
  }
  FIRST_WORD_RUN.lastIndex = 0;
  for (let match = FIRST_WORD_RUN.exec(text); match !== null; match = FIRST_WORD_RUN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (letterBefore(text, start) || letterAt(text, end)) continue;
    // "RED STATES OUTNUMBER BLUE": a word set in capitals is a heading's, not a speech verb.
    if (end - start > 1 && isCapital(text.charCodeAt(start)) && isCapital(text.charCodeAt(start + 1))) continue;
    const candidates = BY_FIRST_WORD.get(match[0].toLowerCase());
    if (candidates) matchCue(text, start, end, candidates, found);
  }
  return found;
}

function isCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** The longest cue that starts with the word at [start, wordEnd), if the words after it complete one. */
function matchCue(text: string, start: number, wordEnd: number, candidates: CuePhrase[], found: CueMatch[]): void {
  for (const { rest, cue } of candidates) {
    // A one-word cue is the whole run of letters, so no letter follows it.
    if (rest.length === 0) {
      found.push({ index: start, length: wordEnd - start, cue });
      return;
    }
    let end = wordEnd;
    let ok = true;
    for (const part of rest) {
      const next = SPACE.test(text[end] ?? '') ? /^\s+(\p{L}+)/u.exec(text.slice(end, end + 40)) : null;
      if (!next || next[1]?.toLowerCase() !== part) {
        ok = false;
        break;
      }
      end += next[0].length;
    }
    if (ok && !LETTER.test(text[end] ?? '')) {
      found.push({ index: start, length: end - start, cue });
      return;
    }
  }
}
