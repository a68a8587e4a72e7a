import { looksLikePerson, nameIn, PRONOUNS, ROLE_WORDS } from '../quotes/names.js';

// A speaker as a quote carries it ("Secretary of State Marco Rubio", "Mr. Trump", "Flynn, a top Trump
// surrogate") split into what identifies the person (given names, surname, suffix) and what only describes
// them (roles, an honorific). Descriptions that name nobody ("a source", "the ruling") parse to null.

export interface ParsedName {
  /** The name as written, roles and honorific left out: "Marco Rubio", "Rubio", "Abu Bakr al-Baghdadi". */
  display: string;
  /** Given names and middle names or initials, as written: ["Donald", "J."]. Empty for a bare surname. */
  given: string[];
  /** The surname with its particles, as written: "Rubio", "Van den Brul", "al-Baghdadi". */
  surname: string;
  /** "Jr.", "III": part of who someone is (Donald Trump Jr. is not Donald Trump). */
  suffix: string | null;
  /** The index key: the surname's last word, folded, without an Arabic article ("baghdadi", "brul"). */
  key: string;
  /** From "Mr."/"Mrs."/"Ms.": who the name can be. */
  gender: 'm' | 'f' | null;
  /** Titles and roles around the name, as written: "Secretary of State", "Sen.", "top Trump surrogate". */
  roles: string[];
}

const HONORIFICS: Record<string, 'm' | 'f' | null> = {
  mr: 'm', mrs: 'f', ms: 'f', miss: 'f', mx: null, dr: null, sir: 'm', dame: 'f', lord: 'm', lady: 'f',
};
const SUFFIX = /^(?:jr|sr|ii|iii|iv|v)\.?,?$/iu;
/** Lower-case words that join the parts of a surname. */
const PARTICLES = new Set(['van', 'von', 'den', 'der', 'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'do', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'st.']);
/** Titles the quotes module does not list as role words. */
const MORE_ROLES = new Set(['del.', 'delegate', 'sens.', 'reps.', 'rev', 'the', 'retired', 'ret.', 'amb.', 'supt.', 'atty.', 'msgr.', 'cmdr.', 'maj.', 'cpl.', 'pvt.', 'pfc.', 'first', 'minority', 'majority', 'whip', 'leader']);
const ROLE_SHAPE = /^(?:ex|then|former)-|-elect$/u;
/** Role words that are as often a first name: "Dean Baker" is no dean. */
const FIRST_NAMES_TOO = new Set(['dean', 'earl', 'marshal', 'bishop']);
const WORD_CHARS = /[^\p{L}\p{N}.'’-]/gu;

/** Lower case, accents and apostrophes gone: the form names are compared in. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’`]/gu, '').trim();
}

function isRoleWord(token: string): boolean {
  const lower = token.toLowerCase().replace(/[,;:]$/u, '');
  return ROLE_WORDS.has(lower) || ROLE_WORDS.has(lower.replace(/\.$/u, '')) || MORE_ROLES.has(lower) || ROLE_SHAPE.test(lower);
}

function honorificOf(token: string): 'm' | 'f' | null | undefined {
  const lower = token.toLowerCase().replace(/\.$/u, '');
  return Object.hasOwn(HONORIFICS, lower) ? HONORIFICS[lower] : undefined;
}

/** A word that can be part of a name: capitalized, an initial, an Arabic article glued on, a suffix. */
function isNameWord(token: string): boolean {
  return /^(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|bin|ibn|d['’])-?\p{Lu}[\p{L}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*)$/u.test(token) || SUFFIX.test(token);
}

/** The words of a phrase, with a nickname in quotes ("Marcia "Cia" Price") and punctuation around words dropped. */
function wordsOf(phrase: string): string[] {
  return phrase
    .replace(/\s["“'‘]\p{Lu}[\p{L}.-]*["”'’](?=\s)/gu, ' ')
    .split(/\s+/u)
    .map((t) => t.replace(/^[("'“‘[]+|[)"'”’\],;:!?]+$/gu, ''))
    .filter((t) => t !== '');
}

/** The head of a phrase: appositions, parentheticals, party tags and "of the Sierra Club" tails cut off. */
function headsOf(phrase: string): string[] {
  const bare = phrase.replace(/\([^)]*(?:\)|$)/gu, ' ').replace(/(?:^|\s)[RDI]-\p{Lu}[\p{L}.]*(?=[\s,]|$)/gu, ' ');
  return bare.split(/,|\s[-–—]{1,2}\s/u).map((segment) => {
    // "Representative Charles B. Rangel of New York": the name ends before the first preposition that follows a
    // name word; a title's preposition ("Secretary of State") does not end it.
    for (const match of segment.matchAll(/\s(?:of|at|for|from|with|who|whose|which|in)\s/gu)) {
      const before = segment.slice(0, match.index).trim().split(/\s+/u);
      const [last, previous] = [before.at(-1) ?? '', before.at(-2) ?? ''];
      if (isNameWord(last) && (!isRoleWord(last) || (isNameWord(previous) && !isRoleWord(previous)) || honorificOf(previous) !== undefined)) {
        return segment.slice(0, match.index).trim();
      }
    }
    return segment.trim();
  });
}

/** The name run that ends a head: its words, and the words before it (the roles). */
function nameRun(head: string): { run: string[]; before: string[] } | null {
  const words = wordsOf(head);
  const end = words.length;
  if (end === 0 || !isNameWord(words[end - 1] ?? '')) return null;
  let start = end - 1;
  while (start > 0) {
    const previous = words[start - 1] ?? '';
    if (isNameWord(previous) && !/['’]s$/u.test(previous)) start--;
    else if (PARTICLES.has(previous) && start - 1 > 0 && isNameWord(words[start - 2] ?? '')) start--;
    else break;
  }
  return { run: words.slice(start, end), before: words.slice(0, start) };
}

function splitRun(run: string[], before: string[]): { name: string[]; roles: string[]; gender: 'm' | 'f' | null; honorific: boolean } {
  let name = run;
  const roleWords = [...before];
  let gender: 'm' | 'f' | null = null;
  let honorific = false;
  // Everything up to the last role word is the title ("Senate Majority Leader Mitch McConnell"); the last word is always the name.
  let cut = -1;
  for (let i = 0; i < name.length - 1; i++) {
    const mark = honorificOf(name[i] ?? '');
    if (mark !== undefined) {
      gender = mark;
      honorific = true;
      cut = i;
      break;
    }
    if (isRoleWord(name[i] ?? '') && !(i === cut + 1 && FIRST_NAMES_TOO.has((name[i] ?? '').toLowerCase()))) cut = i;
  }
  roleWords.push(...name.slice(0, cut + 1).filter((w) => honorificOf(w) === undefined));
  name = name.slice(cut + 1);
  return { name, roles: roleWords, gender, honorific };
}

function rolePhrase(words: string[]): string | null {
  const phrase = words.join(' ').replace(/^(?:the|a|an|state|u\.s\.)\s+/iu, '').replace(/[.,;:]+$/u, (m) => (/\.\s*$/u.test(words.at(-1) ?? '') && m === '.' ? '.' : '')).trim();
  return phrase === '' || PRONOUNS.has(phrase.toLowerCase()) ? null : phrase;
}

/** Apposition roles worth keeping: short noun phrases ("a top Trump surrogate"), not clauses. */
function appositionRole(segment: string): string | null {
  const words = segment.trim().split(/\s+/u).filter((w) => w !== '');
  if (words.length < 2 || words.length > 6 || !/^(?:a|an|the|now|former)$/iu.test(words[0] ?? '')) return null;
  if (words.some((w) => /^(?:who|which|that|is|was|has|had|said|says)$/iu.test(w))) return null;
  return rolePhrase(words.slice(/^(?:a|an|the|now)$/iu.test(words[0] ?? '') ? 1 : 0));
}

function parseHead(head: string, appositive = false): { run: string[]; roles: string[]; gender: 'm' | 'f' | null } | null {
  const found = nameRun(head);
  if (!found) return null;
  // In an apposition the name must be what the segment is ("actress Jamie Lee Curtis"), not a word in a
  // clause ("a strategist who worked for Obama").
  if (appositive && found.before.some((w) => !isRoleWord(w) && !/^(?:a|an|the)$/iu.test(w) && !isNameWord(w))) return null;
  const { name, roles, gender, honorific } = splitRun(found.run, found.before);
  if (name.length === 0) return null;
  // Five name words or more are a headline or a title run into the name ("Elizabeth Warren Hammers Wells Fargo CEO").
  if (name.filter((w) => !/^\p{Lu}\.$|^\p{Ll}/u.test(w)).length > 4) return null;
  // A lone title or an ordinary word ("President", "Protesters") is no name; the quotes module knows which
  // role words are surnames too ("Dean", "King").
  if (name.length === 1 && !honorific && !nameIn(name[0] ?? '')) return null;
  if (!looksLikePerson(name.join(' ')) || PRONOUNS.has((name[0] ?? '').toLowerCase())) return null;
  return { run: name, roles, gender };
}

/**
 * The person a speaker phrase names, or null when it names nobody (a pronoun, "the ruling", "a friend",
 * "one Democratic source", an organization).
 */
export function parseName(phrase: string): ParsedName | null {
  const heads = headsOf(phrase.replace(/\s+/gu, ' ').trim());
  const [first, ...rest] = heads;
  // "his best friend at Lehigh, Bruce Turry": a head that describes someone gives way to a name after it.
  const describing = /^(?:his|her|their|its|our|my|a|an|the|another|one)\s/iu.test(first ?? '');
  let parsed = describing && rest.some((segment) => parseHead(segment, true) !== null) ? null : parseHead(first ?? '');
  let appositions = rest;
  // "Scott's niece, state Del. Marcia Price", "Another critic, Laurence H. Tribe": the name is in the apposition.
  if (!parsed && first !== undefined && !/\s(?:and|or)\s/u.test(first)) {
    const index = rest.findIndex((segment) => parseHead(segment, true) !== null);
    if (index >= 0) {
      parsed = parseHead(rest[index] ?? '', true);
      appositions = rest.slice(index + 1);
    }
  }
  if (!parsed) return null;
  // A period that ends the sentence is no part of the last word ("… said Monica Klein.").
  const words = parsed.run.map((w) => w.replace(WORD_CHARS, ''));
  const last = words.length - 1;
  if (!SUFFIX.test(words[last] ?? '')) words[last] = (words[last] ?? '').replace(/(\p{L}{2})\.$/u, '$1');
  const suffix = words.length > 1 && SUFFIX.test(words.at(-1) ?? '') ? (words.pop() ?? null) : null;
  let surnameStart = words.length - 1;
  while (surnameStart > 1 && PARTICLES.has((words[surnameStart - 1] ?? '').toLowerCase())) surnameStart--;
  const surname = words.slice(surnameStart).join(' ');
  const given = words.slice(0, surnameStart);
  const key = fold(words.at(-1) ?? '').replace(/^(?:al|el)-/u, '');
  if (key === '') return null;
  const roles = [rolePhrase(parsed.roles), ...appositions.map(appositionRole)].filter((r): r is string => r !== null);
  return { display: [...given, surname, ...(suffix ? [suffix] : [])].join(' '), given, surname, suffix, key, gender: parsed.gender, roles };
}
