import { findCues } from '../text/cues.js';
import { isSpaceCode } from '../text/spans.js';
import { looksLikePerson, NAME_PARTICLES, nameIn, PRONOUNS, ROLE_WORDS, roleWordsIn, tokensOf } from './names.js';

// Who is talked about, and who talks, in the narration of an article. Pronouns and role nouns in an
// attribution resolve against this: to the person last named who fits, preferring people who were
// just reported as speaking; a surname alone becomes the full name given elsewhere in the article.

interface Mention {
  at: number;
  name: string;
  subject?: boolean;
  /** The name's words, split once (fullName compares them for every mention). */
  tokens?: string[];
  /** The role words around the name ("secretary", "state"), read only when a role noun asks for them. */
  roles: () => Set<string>;
}

/** Someone reported as speaking, at a cue in narration or an attributed quote. */
interface Source {
  at: number;
  name: string;
}

/** Reads a function's answer once, on first use. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: compute() }).v;
}

const COMMON_OPENERS = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'This', 'That', 'There', 'His', 'Her', 'Its', 'Their', 'As', 'If', 'When', 'While', 'For', 'After', 'Before', 'However', 'Meanwhile', 'So', 'Some', 'Many', 'Most', 'One', 'Other', 'Also', 'What', 'Why', 'How', 'Who', 'Now', 'Then', 'Yet', 'With', 'From', 'By', 'To', 'Of', 'Last', 'Earlier', 'These', 'Those', 'Our', 'My', 'You', 'Your', 'According', 'Although', 'Since', 'During']);

// A particle may join the parts of a name: "Bill de Blasio", "Ludwig van Beethoven".
// Particles may join the parts of a name, one or two of them: "Bill de Blasio", "Ursula von der Leyen", and
// an Arabic article joins its name with a hyphen: "Abu Bakr al-Baghdadi".
const NAME_WORD = `(?:\\p{Lu}|(?:al|el)-\\p{Lu})[\\p{L}'’-]+`;
// Only a title's abbreviation may end in a period inside a name ("Sen. Rubio"): any other period ends the run, so
// "…the release of The Interview. Obama also…" is not a person called "Interview Obama".
const TITLE_ABBREVIATIONS = '(?:Mr|Mrs|Ms|Mx|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Pte|Adm|Brig|Cmdr|Prof|Rev|Hon|Det|Insp|Supt|Pres|St|Fr)';
const NAME_RUN = new RegExp(`(?:(?:\\p{Lu}[\\p{L}'’-]*|${TITLE_ABBREVIATIONS}\\.)\\s+){0,2}(?:\\p{Lu}\\.\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:(?:${NAME_PARTICLES.join('|')})\\s+){0,2}${NAME_WORD})*`, 'gu');

/** The role words right before `at` ("US Secretary of State" before a name), up to six words. */
function rolesBefore(text: string, at: number): string {
  // The words of the 80 characters before `at`, read from the last one back (most stop at the first).
  const from = Math.max(0, at - 80);
  const kept: string[] = [];
  let end = at;
  while (kept.length < 6) {
    while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end <= from) break;
    let start = end - 1;
    while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    const token = text.slice(start, end);
    const lower = token.toLowerCase().replace(/[^\p{L}.-]/gu, '');
    if (!ROLE_WORDS.has(lower) && !['of', 'and', 'the'].includes(lower)) break;
    kept.unshift(token);
    end = start;
  }
  return kept.join(' ');
}

/** A name that opens its sentence or clause is its subject, the likeliest antecedent of a later "he". */
function opensClause(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  return /(?:^|[.!?;]\s+|,\s+|\n)["“]?(?:[\p{L}.'’-]+\s+){0,4}$/u.test(before) && !/\b(?:to|with|by|of|for|from|at|met|meet|meets|called|asked|told|than)\s+$/u.test(before);
}

/** The last item before `at` (items are in the order they were added, which is text order) that passes. */
function lastBefore<T extends { at: number }>(items: T[], at: number, passes: (item: T) => boolean = () => true): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item && item.at < at && passes(item)) return item;
  }
  return undefined;
}

export class People {
  private readonly mentions: Mention[] = [];
  private readonly sources: Source[] = [];

  /** Reads one stretch of narration (text outside quotation marks) that starts at `offset`. */
  addNarration(text: string, offset: number): void {
    NAME_RUN.lastIndex = 0;
    for (let match = NAME_RUN.exec(text); match !== null; match = NAME_RUN.exec(text)) {
      // Most runs are one capitalized word opening a sentence ("The", "But"): not worth a closer look.
      if (!match[0].includes(' ') && COMMON_OPENERS.has(match[0])) continue;
      const name = nameIn(match[0]);
      if (!name || !looksLikePerson(name)) continue;
      const [run, index] = [match[0], match.index];
      const roles = once(() => {
        const after = /^,\s*((?:the|a|an)\s+[^,.;]{2,60})[,.;]/u.exec(text.slice(index + run.length))?.[1] ?? '';
        return new Set([...roleWordsIn(`${rolesBefore(text, index)} ${run}`), ...roleWordsIn(after)]);
      });
      this.mentions.push({ at: offset + index, name, roles, subject: opensClause(text, index), tokens: tokensOf(name) });
    }
  }

  /** Records that `name` was reported as speaking at `at` (a cue in narration or an attributed quote). */
  addSource(name: string, at: number): void {
    const full = this.fullName(name, at);
    this.sources.push({ at, name: full });
  }

  /** The fullest form of a name: "Rubio" becomes "Marco Rubio" when the article names him so. */
  fullName(name: string, at: number): string {
    const tokens = tokensOf(name);
    const last = tokens.at(-1);
    if (!last) return name;
    let best: Mention | null = null;
    for (const mention of this.mentions) {
      const theirs = mention.tokens ?? tokensOf(mention.name);
      if (theirs.length <= tokens.length || theirs.at(-1) !== last) continue;
      if (tokens.length > 1 && !tokens.every((t) => theirs.includes(t))) continue;
      // Prefer the closest mention before this point; a later one only when none came before.
      const before = mention.at <= at;
      if (!best || (before && (best.at > at || mention.at > best.at)) || (!before && best.at > at && mention.at < best.at)) {
        best = mention;
      }
    }
    // "Julia" where the article named "Julia Louis-Dreyfus": a first name alone stands for the one person it starts.
    if (!best && tokens.length === 1) best = this.byFirstName(last, at);
    if (!best) return name;
    // A run of four or more capitalized words is a title run into the name ("Президент Украины Владимир
    // Зеленский", where no English role word tells them apart): the name is its last two.
    const theirs = best.tokens ?? tokensOf(best.name);
    return theirs.length > 3 ? theirs.slice(-2).join(' ') : best.name;
  }

  /** The person, named in full, whose first name this is, when the article names only one such person. */
  private byFirstName(first: string, at: number): Mention | null {
    let found: Mention | null = null;
    for (const mention of this.mentions) {
      const theirs = mention.tokens ?? tokensOf(mention.name);
      if (theirs.length < 2 || theirs.length > 3 || theirs[0] !== first) continue;
      if (found && found.name !== mention.name) return null;
      if (!found || (mention.at <= at && mention.at > found.at)) found = mention;
    }
    return found;
  }

  /** The last reported speaker between `since` and `at`, if any. */
  speakerSince(since: number, at: number): string | null {
    const speaker = lastBefore(this.sources, at, (s) => s.at >= since);
    return speaker ? speaker.name : null;
  }

  /** The person a pronoun stands for at `at`: the last reported speaker, else the last person named. */
  private antecedent(at: number): string | null {
    const speaker = lastBefore(this.sources, at);
    const person = lastBefore(this.mentions, at, (m) => m.subject === true && at - m.at < 600) ?? lastBefore(this.mentions, at);
    if (speaker && (!person || at - speaker.at < 1500)) return speaker.name;
    return person ? this.fullName(person.name, at) : null;
  }

  /** The person a role noun ("the Secretary of State", "the senator") stands for at `at`. */
  private holderOf(roles: string[], at: number): string | null {
    const fits = (m: Mention): boolean => roles.some((role) => m.roles().has(role));
    const mention = lastBefore(this.mentions, at, fits) ?? this.mentions.find(fits);
    return mention ? this.fullName(mention.name, at) : null;
  }

  /** Resolves the noun phrase of an attribution to a name, or null when it names nobody we know. */
  resolve(phrase: string, at: number): string | null {
    const segments = phrase.split(/,/u);
    const head = segments[0] ?? '';
    // "Clinton's introducer, actress Jamie Lee Curtis": the name may come in the apposition.
    const name = nameIn(head) ?? (/['’]s\b/u.test(head) ? segments.slice(1).map((part) => nameIn(part)).find((n) => n !== null) : null);
    if (name) return this.fullName(name, at);
    const words = tokensOf(head.toLowerCase().replace(/[^\p{L}\s.-]/gu, ''));
    if (words.length > 0 && words.length <= 2 && words.some((w) => PRONOUNS.has(w)) && !words.includes('it')) {
      return this.antecedent(at);
    }
    const roles = roleWordsIn(head).filter((role) => ROLE_WORDS.has(role));
    if (roles.length > 0 && /^(?:the|this|that|our|his|her)\b/iu.test(head.trim())) return this.holderOf(roles, at);
    return null;
  }
}

/** Cue verbs in narration and the phrase that names their speaker: "Rubio noted", "according to him". */
export function narrationSources(text: string): { at: number; phrase: string; cue: string }[] {
  const found: { at: number; phrase: string; cue: string }[] = [];
  for (const match of findCues(text)) {
    const cue = match.cue;
    const before = text.slice(Math.max(0, match.index - 100), match.index);
    const after = text.slice(match.index + match.length, match.index + match.length + 100);
    const clauseBefore = (before.split(/[,;:.!?()"“”]/u).at(-1) ?? '').trim();
    const following = /^\s+(?:by\s+)?([^,.;:!?"“”()]{1,80})/u.exec(after)?.[1] ?? '';
    if (cue === 'according to' || /^\s+by\s/u.test(after)) {
      found.push({ at: match.index, phrase: following, cue });
    } else if (clauseBefore !== '' && tokensOf(clauseBefore).length <= 8) {
      found.push({ at: match.index, phrase: clauseBefore, cue });
    }
  }
  return found;
}
