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
  /^[Bb]y\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}\s*(?:,|$|and\b|\||\/|—|–|-)/u,
  /^(?:published|updated|posted|last\s+updated|first\s+published)\b[\s:]/iu,
  /^(?:share|tweet|email|print|comment)s?\b(?:\s+(?:this|on|via|article|story))?\s*(?:[:|]|$)/iu,
  /^(?:follow|subscribe|sign\s+up|join)\b.{0,80}\b(?:on|to|for|our|channel|newsletter|telegram|twitter|facebook|instagram|youtube)\b/iu,
  /^click\s+here\b/iu,
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

/** True when a sentence or paragraph is page furniture rather than news. */
export function isBoilerplate(sentence: string): boolean {
  const text = sentence.trim();
  if (text === '') return true;
  if (LEADING_ANY.test(text) || LEADING_CASED.some((pattern) => pattern.test(text))) return true;
  let wordCount = 1;
  for (let i = text.indexOf(' '); i >= 0 && wordCount <= 25; i = text.indexOf(' ', i + 1)) wordCount++;
  if (wordCount <= 25 && HINTS.test(text) && ANYWHERE_SHORT.some((pattern) => pattern.test(text))) return true;
  if (wordCount <= 8 && (DATELINE_ONLY.test(text) || CREDIT_ONLY.test(text))) return true;
  return false;
}
