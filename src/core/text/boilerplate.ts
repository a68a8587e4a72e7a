// Lines that belong to the page, not the story: cross-links, photo credits, share and subscribe prompts,
// bylines and datelines. They are never chosen for a summary, a headline or a quote.

const LEADING = [
  /^(?:read|see|watch|listen)\s+(?:more|also|next|too|the\s+(?:rest|full\s+\w+)(?:\s+here)?)\b/iu,
  /^(?:also\s+read|related(?:\s+(?:articles?|stories|news|coverage))?|more\s+on\s+this|more:|recommended|advertisement|sponsored)\b/iu,
  /^recall\s+that\b/iu,
  /^as\s+a\s+reminder\b/iu,
  /^(?:photo|image|picture|photograph|illustration|video|graphic|footage)s?\s*(?::|by\b|credit\b|courtesy\b|source\b|©)/iu,
  /^(?:©|copyright\b|all\s+rights\s+reserved)/iu,
  /^(?:written|reporting|reported|editing|edited|additional\s+reporting)\s+by\b/iu,
  /^[Bb]y\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Then|Now|Contrast|Comparison|Law|Far|Midnight|Noon|Christmas|Easter)\b)\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*(?:,|$|and\b|\||\/|—|–|-)/u,
  /^(?:published|updated|posted|last\s+updated|first\s+published)\b[\s:]/iu,
  /^(?:share|tweet|email|print|comment)s?\b(?:\s+(?:this|on|via|article|story))?\s*(?:[:|]|$)/iu,
  /^(?:follow|subscribe|sign\s+up|join)\b.{0,80}\b(?:on|to|for|our|channel|newsletter|telegram|twitter|facebook|instagram|youtube)\b/iu,
  /^click\s+here\b/iu,
  /^scroll\s+down\b/iu,
  /^(?:read|watch|see|listen)\s*:/iu,
  /^write\s+caption\b/iu,
];

// One expression for all the case-blind ones: a single pass instead of a dozen (the byline's capital matters).
const LEADING_ANY = new RegExp(LEADING.filter((pattern) => pattern.flags === 'iu').map((pattern) => `(?:${pattern.source})`).join('|'), 'iu');
const LEADING_CASED = LEADING.filter((pattern) => pattern.flags !== 'iu');

const ANYWHERE_SHORT = [
  /\b(?:subscribe\s+to|sign\s+up\s+for|share\s+(?:this|on)|follow\s+us|our\s+newsletter|download\s+(?:our|the)\s+app)\b/iu,
  /\b(?:getty\s+images|shutterstock|ap\s+photo|afp\s+photo|reuters\s*\/|epa\s*\/|photo\s*:)/iu,
  /\b(?:cookies?\s+policy|privacy\s+policy|terms\s+of\s+(?:use|service))\b/iu,
];

/** A credit line alone: "Getty/Instagram.", "AP Photo/Evan Vucci", "Reuters". */
const CREDIT_ONLY = /^(?:(?:getty(?:\s+images)?|instagram|twitter|facebook|shutterstock|reuters|ap|afp|epa|ap\s+photo|afp\s+photo|pool)\b[\s/|,]*)+(?:[\p{L}.'’-]+\s*){0,3}\.?$/iu;

/** A dateline alone on its line: "KYIV, Aug 13 (Reuters) -" or "13 August 2025, 10:32". */
const DATELINE_ONLY = /^(?:[\p{Lu}][\p{Lu}\s.,'-]{1,40}(?:\([\p{L}\s]+\))?\s*[-—–]?|[\d\s:.,/]*(?:\p{L}+\s*){0,2}[\d\s:.,/]+)$/u;

/** Words one of the unanchored patterns needs; without any of them those patterns are not tried. */
const HINTS = /subscri|sign\s+up|share|follow|newsletter|download|getty|shutterstock|photo|reuters|epa|cookie|privacy|terms/iu;

/** A time and a date alone, as a byline block stamps them: "14:11 EST, 25 October 2013". */
const TIMESTAMP_ONLY = /^(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?,?\s*(?:on\s+)?)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9},?\s+\d{4}|\p{L}{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?:,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[A-Z]{2,4})?)?\s*\.?$/iu;

/** A cross-link: a line ending in a guillemet or an arrow ("Watch the interview »"). */
const LINK_ARROW = /\s[»→]\s*\.?$/u;

/** True when a sentence or paragraph is page furniture rather than news. */
export function isBoilerplate(sentence: string): boolean {
  const text = sentence.trim();
  if (text === '') return true;
  // Punctuation alone ("| .") is what is left of a byline's separators.
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (LEADING_ANY.test(text) || LEADING_CASED.some((pattern) => pattern.test(text))) return true;
  let wordCount = 1;
  for (let i = text.indexOf(' '); i >= 0 && wordCount <= 25; i = text.indexOf(' ', i + 1)) wordCount++;
  if (wordCount <= 25 && HINTS.test(text) && ANYWHERE_SHORT.some((pattern) => pattern.test(text))) return true;
  if (wordCount <= 8 && (DATELINE_ONLY.test(text) || CREDIT_ONLY.test(text) || TIMESTAMP_ONLY.test(text))) return true;
  if (wordCount <= 25 && LINK_ARROW.test(text)) return true;
  return false;
}

/** A cross-link's opening ("Read more: …"): with the headline after it, its whole (short) paragraph is furniture. */
const LINK_OPENER = /^(?:(?:read|see|watch|listen)\s+(?:more|also|next|too)\b|(?:read|see|watch)\s*:|also\s+read\b|related\b|more\s+on\s+this\b|more:|recommended\b)/iu;

/** Whether a paragraph that opens with this sentence (and is short) is a cross-link as a whole. */
export function opensLinkParagraph(sentence: string): boolean {
  return LINK_OPENER.test(sentence.trim());
}

/** "By" alone (`By . Associated Press . PUBLISHED: …`): the byline's name follows as a sentence of its own. */
export const BYLINE_OPENER = /^by\s*[.:]?$/iu;

/** A byline's name after "By": a few capitalized words ("Daily Mail Reporter", "Ellie Zolfagharifard and Jo Smith"). */
export function isBylineName(sentence: string): boolean {
  const words = sentence.trim().replace(/\s*\.$/u, '').split(/\s+/u);
  return words.length <= 7 && words.every((word) => /^(?:\p{Lu}[\p{L}'’.-]*|and|for|in|&|,)$/u.test(word));
}

// Photo captions run into the text. A reader of a digest sees no picture, so a sentence that points at one
// ("(pictured)", "(left)") or that is built as a caption — a short label, a colon, then what the picture
// shows, ending as captions are pasted (a space before the last period) — is never a summary or a quote.
const PICTURE_POINTER = /\((?:(?:far|second|third|top|bottom|back|front|centre|center)\s+)?(?:pictured|picture|photographed|left|right|centre|center|above|below|top|bottom|inset|main|file(?:\s+(?:picture|photo|image))?)(?:\s*(?:,|and)\s*[^)]{0,30})?\)/iu;
const CAPTION_LABEL = /^['‘"“]?\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,4}['’"”]?:\s+['‘"“]?\p{Lu}/u;
const PICTURE_WORDS = /\b(?:pictured|photographed|poses|posing)\b|,\s(?:(?:second|third|far|top|bottom)\s+)?(?:left|right|centre|center|above|below)\b/iu;
const PASTED_END = /\s\.$/u;
const LABEL_SPEECH = /\b(?:said|says|told|explained|added|asked|wrote|insisted|admitted|revealed|claimed)\b/iu;

/** True when a sentence reads as a photo caption. */
export function isCaption(sentence: string): boolean {
  const text = sentence.trim();
  if (PICTURE_POINTER.test(text)) return true;
  const pasted = PASTED_END.test(text);
  // "Peter Jones, second right, put up £50,000 ." — where people stand in a picture, pasted as captions are.
  if (pasted && PICTURE_WORDS.test(text)) return true;
  const label = CAPTION_LABEL.exec(text);
  if (!label || LABEL_SPEECH.test(label[0])) return false;
  // A speaker's label (`CLINTON: Absolutely not.`, `Trump: "Great job!"`) opens a line of speech, not a caption.
  const speech = /^[\p{Lu}\s.'’-]+:/u.test(text) || /:\s*['‘"“]/u.test(label[0]);
  return pasted || PICTURE_WORDS.test(text) || (!speech && verbless(text.slice(text.indexOf(':') + 1)));
}

/** Words that make a clause of what follows a label: auxiliaries, speech, a past tense. */
const FINITE = /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|says|said|told|gets|got|\p{Ll}+ed)$/u;

/** "Retread: David Cameron with Samantha yesterday." — who is in the picture, with no verb: a caption. */
function verbless(rest: string): boolean {
  const words = rest.trim().replace(/[.!?]+$/u, '').split(/\s+/u);
  return words.length >= 2 && words.length <= 12 && !words.some((w) => FINITE.test(w.replace(/[^\p{L}]/gu, '')));
}
