import { findCues } from '../text/cues.js';
import { describedSource, looksLikePerson, nameIn, roleWordsIn, ROLE_WORDS, tokensOf } from './names.js';

// Where the words around a quotation name its speaker. After the closing mark: `," he said`,
// `," said Robert Sinche, head of…`, `," according to Rubio`. Before the opening mark, in the same
// sentence: `Rubio said: "`, `According to Rubio, "`, `he acknowledged that … "`.

export interface Attribution {
  /** The noun phrase that names the speaker ("he", "US Secretary of State Marco Rubio"). */
  phrase: string;
  cue: string | null;
  /** Offset where the phrase sits (for resolving pronouns against what came before). */
  at: number;
  /** Offset just past the attribution clause (a following quote that starts here continues this one). */
  end: number;
  /** The cue sits right against the quotation mark: a direct quote, not words woven into narration. */
  adjacent: boolean;
  /** Found after the closing mark (`"…," she said`), which also tells a quotation from a title. */
  after: boolean;
}

/** `," Toomey fumed` — a name, then a verb we don't list as a cue, then the end of the sentence. */
const NAME_THEN_VERB = /^[\s,—–-]*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}|he|she|they)\s+(\p{Ll}+(?:ed|s))\b[^.!?]{0,40}[.!?]?\s*$/u;

/**
 * Speech verbs of other languages, as news writes them right after a quotation and before the speaker
 * (`», — сказал Зеленский`, `», dijo Sánchez`, `», a déclaré Macron`, `", sagte Scholz`).
 */
const FOREIGN_CUES = [
  // Spanish, Portuguese, Italian
  'dijo', 'afirmó', 'aseguró', 'señaló', 'explicó', 'añadió', 'declaró', 'indicó', 'subrayó', 'disse', 'afirmou',
  'declarou', 'explicou', 'acrescentou', 'ha detto', 'ha dichiarato', 'ha spiegato', 'ha aggiunto', 'ha sottolineato',
  // French, German, Dutch
  'a déclaré', 'a dit', 'a affirmé', 'a expliqué', 'a ajouté', 'a souligné', 'a indiqué', 'déclare', 'explique',
  'sagte', 'erklärte', 'betonte', 'meinte', 'fügte hinzu', 'zei', 'verklaarde',
  // Ukrainian, Russian, Polish
  'сказав', 'сказала', 'заявив', 'заявила', 'зазначив', 'зазначила', 'додав', 'додала', 'наголосив', 'наголосила',
  'сказал', 'заявил', 'заявила', 'отметил', 'отметила', 'добавил', 'добавила', 'подчеркнул', 'подчеркнула',
  'сообщил', 'сообщила', 'powiedział', 'powiedziała', 'stwierdził', 'stwierdziła', 'dodał', 'dodała',
].sort((a, b) => b.length - a.length);

const FOREIGN_AFTER = new RegExp(
  `^[\\s,]*(?:[—–-]\\s*)?(${FOREIGN_CUES.map((cue) => cue.replace(/ /gu, '\\s+')).join('|')})(?![\\p{L}])\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`,
  'u',
);

const ADVERBS = /\b(?:also|later|then|once|again|further|previously|earlier|recently|simply|flatly|repeatedly|quickly|angrily|bluntly|told\s+\w+)\b/giu;

/** Periods of titles and initials ("Rep.", "Mr.", "W.") are not the end of a clause. */
const ABBREVIATION_PERIOD = /\b(\p{Lu}\p{Ll}{0,3}|\p{Lu}|[\p{Lu}\p{Ll}]\.\p{L})\./gu;

function maskAbbreviations(text: string): string {
  return text.replace(ABBREVIATION_PERIOD, (match) => match.replace(/\./gu, '\uE000'));
}

function phraseAfterCue(rest: string): string {
  const masked = maskAbbreviations(rest);
  const phrase = /^\s+(?:by\s+)?([^,.;:!?"“”()]{1,80})/u.exec(masked)?.[1]?.trim() ?? '';
  // `said Carly Fiorina during the debate`: what follows the name says when or where, not who.
  return phrase.replace(/\s+(?:during|while|when|after|before|last|on|in|at)\s.*$/u, '').replace(/\uE000/gu, '.');
}

const NOT_SUBJECT = /^(?:Here|There|Back|In|On|At|After|Before|When|While|Yet|But|And|Although|Though|Despite|During|Since|As|If|Then|Now|Still|Also|Earlier|Later|Meanwhile|However|Last|This|That|The|A|An|On|For|From|With|By|To|Of|Over|Under|Asked|Speaking|Writing|Responding|According)$/u;

/** The first name in a clause that can be its subject ("Mr. Trump expressed …" → Mr. Trump). */
function subjectOf(clause: string): string | null {
  const tokens = tokensOf(clause);
  // "Yesterday Wolves fan Mr Downes …": a word of time before the subject is not part of it.
  while (tokens.length > 1 && /^(?:Yesterday|Today|Tomorrow|Tonight)$/u.test(tokens[0] ?? '')) tokens.shift();
  // "as Tom Ridge" (`Or, as Tom Ridge … put it`): a leading conjunction is not part of the subject.
  while (tokens.length > 1 && /^(?:as|and|but|or|so|then)$/iu.test(tokens[0] ?? '')) tokens.shift();
  const first = tokens[0] ?? '';
  // An opening phrase ("In a 2014 interview", "Back in 1999") is not where the subject is.
  if (first === '' || NOT_SUBJECT.test(first)) return null;
  if (/^\p{Ll}/u.test(first) && !/^(?:he|she|they|we|i)$/u.test(first)) return null;
  if (/^(?:he|she|they|we|i)$/iu.test(first)) return first;
  // The noun phrase that opens the clause, roles and all: "Democratic nominee Hillary Clinton".
  const opening: string[] = [];
  for (const token of tokens) {
    if (/^\p{Lu}/u.test(token) || ROLE_WORDS.has(token.toLowerCase())) opening.push(token);
    else break;
  }
  const phrase = opening.join(' ');
  return phrase !== '' && nameIn(phrase) ? phrase : null;
}

/** `spokesman Stuart Roy`, `political scientist Jane Doe`: a few lower-case words describing the name they end on. */
function describedName(text: string): boolean {
  const part = text.replace(/\s*\([^)]*\)\s*$/u, '');
  const tokens = tokensOf(part);
  if (tokens.length < 2 || tokens.length > 7 || !/^\p{Ll}/u.test(tokens[0] ?? '')) return false;
  if (/^(?:that|if|whether|when|because|and|but|or|so|to|in|on|at|for|of|with|as|who|which|it|this|there)$/u.test(tokens[0] ?? '')) return false;
  const name = nameIn(part);
  return name !== null && part.endsWith(name) && looksLikePerson(name);
}

/** Attribution in the clause right after a closing mark; `clause` runs to the end of that sentence. */
export function trailingAttribution(clause: string, offset: number): Attribution | null {
  // `"…" ― Sonya Herridge`: a dash and a name sign a quotation, as under a pull quote.
  const signed = /^\s*(?:\n\s*)?[―—–-]{1,2}\s*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u.exec(clause);
  if (signed?.[1]) return { phrase: signed[1], cue: null, at: offset, end: offset + signed[0].length, adjacent: true, after: true };
  // Room for a name with a long apposition: `,'' Douglas Holtz-Eakin, an economic adviser to …, wrote`.
  const match = findCues(clause.slice(0, 200))[0];
  if (!match || match.index > 180) {
    // `," exhorted Clinton's introducer, actress Jamie Lee Curtis.` — a verb we don't list, then the speaker.
    const inverted = /^[\s,]+(\p{Ll}+ed)\s+([^.!?"“”]{2,100}?\p{Lu}[\p{L}'’-]+)\s*[.!?]?\s*$/u.exec(clause);
    if (inverted?.[1] && inverted[2] && !/\b(?:that|to|the|a)$/u.test(inverted[1])) {
      return { phrase: inverted[2], cue: inverted[1], at: offset, end: offset + clause.length, adjacent: true, after: true };
    }
    const foreign = FOREIGN_AFTER.exec(clause);
    if (foreign?.[1] && foreign[2]) {
      return { phrase: foreign[2], cue: foreign[1].replace(/\s+/gu, ' ').toLowerCase(), at: offset, end: offset + foreign[0].length, adjacent: true, after: true };
    }
    const loose = NAME_THEN_VERB.exec(clause);
    if (!loose?.[1] || !loose[2]) return null;
    return { phrase: loose[1], cue: loose[2], at: offset, end: offset + clause.length, adjacent: true, after: true };
  }
  const before = clause.slice(0, match.index);
  if (/[.!?;"“”]/u.test(maskAbbreviations(before))) return null;
  const cue = match.cue;
  const rest = clause.slice(match.index + match.length);
  const leadingSpace = clause.length - clause.trimStart().length;
  // `," Trump, the GOP frontrunner, said` names the speaker first; `" that Sanders can win, said Steve
  // Elmendorf` runs on with the narration, and the speaker comes after the cue.
  const segments = maskAbbreviations(before)
    .split(',')
    .map((part) => part.replace(/\uE000/gu, '.').replace(/^[\s—–-]+/u, '').trim())
    // "nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's Institute for …": the affiliation is not the name.
    .map((part) => (tokensOf(part).length > 6 ? part.replace(/\s+(?:of|at|for|from|with)\s+\p{Lu}.*$/u, '') : part));
  const speakerLike = (part: string): boolean => /^(?:\p{Lu}|he\b|she\b|they\b|i\b|we\b|the\b|a\b|an\b)/u.test(part) || describedName(part);
  const candidates = segments.filter((part) => part !== '' && speakerLike(part));
  const first = segments.find((part) => part !== '') ?? '';
  // The first segment when it can be a speaker; an apposition's name next; else the last segment.
  let phrase = speakerLike(first) ? (candidates.find((part) => nameIn(part) !== null) ?? first) : (segments.at(-1) ?? '');
  phrase = phrase.replace(ADVERBS, ' ').trim();
  if (!speakerLike(phrase) || cue === 'according to') phrase = phraseAfterCue(rest);
  // `," nuclear experts David Albright and Serena Kelleher-Vergantini of Washington's Institute for … wrote`:
  // a long affiliation after the names says where they work, not who they are.
  if (tokensOf(phrase).length > 12) phrase = phrase.replace(/\s+(?:of|at|for|from|with)\s+\p{Lu}.*$/u, '');
  if (phrase === '' || tokensOf(phrase).length > 12) return null;
  const clauseEnd = /^[^.!?"“”]*[.!?,]?/u.exec(rest)?.[0].length ?? 0;
  return {
    phrase,
    cue,
    at: offset + leadingSpace,
    end: offset + match.index + match.length + clauseEnd,
    adjacent: true,
    after: true,
  };
}

/**
 * The name that opens the sentence a quote is woven into (`Sanders called the plan "absurd."`): with no
 * cue verb, the sentence's subject is still the likeliest speaker of the words it quotes.
 */
export function sentenceSubject(lead: string): string | null {
  const clause = maskAbbreviations(lead).split(/[;:.!?()"“”]/u)[0]?.replace(/\uE000/gu, '.') ?? '';
  const subject = subjectOf(clause.split(',')[0] ?? '');
  if (subject === null || /^(?:he|she|they|we|i)$/iu.test(subject)) return null;
  // "Adding …", "Immediately …", "Unless …": an opening participle, adverb or conjunction is no subject.
  const first = tokensOf(subject)[0] ?? '';
  if (/(?:ing|ly)$/u.test(first) || /^(?:Unless|Because|Instead|Even|Only|Just|Perhaps|Maybe)$/u.test(first)) return null;
  const name = nameIn(subject);
  return name !== null && looksLikePerson(name) ? subject : null;
}

/** A phrase that cannot be a speaker: no name, no pronoun, no role, no described source. */
function namesNobody(phrase: string): boolean {
  return nameIn(phrase) === null && !/^(?:he|she|they|i|we|it)$/iu.test(phrase.trim()) && roleWordsIn(phrase).length === 0 && describedSource(phrase) === null;
}

/** Attribution in the lead-in before an opening mark, within the same sentence. */
export function leadingAttribution(lead: string, offset: number): Attribution | null {
  const last = findCues(lead).at(-1);
  if (!last) {
    // `Hillary Clinton cracked, "…"`: a name and a verb right before the mark attribute it too.
    const loose = /((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}|\b[Hh]e|\b[Ss]he)\s+(\p{Ll}+ed)\s*[,:]\s*$/u.exec(lead);
    if (loose?.[1] && loose[2]) {
      return { phrase: loose[1], cue: loose[2], at: offset + loose.index, end: offset + lead.length, adjacent: true, after: false };
    }
    // `Mr. Christie gloated: "…"` — a lead-in ending in a colon names its speaker even without a known cue.
    if (!/:\s*$/u.test(lead)) return null;
    // `Rep. Trey Gowdy (R-S.C.):"…"`, as transcripts print it: the party tag is not the clause.
    // `RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: "…"`: a heading before a dash is not the speaker.
    const clause = maskAbbreviations(lead.replace(/\s*\([^)]*\)\s*(?=:\s*$)/u, '')).split(/[,;.!?()"“”]|\s[—–-]+\s/u).at(-1)?.replace(/\uE000/gu, '.') ?? '';
    if (tokensOf(clause).length > 8 || tokensOf(clause).length === 0) return null;
    return { phrase: clause.replace(/:\s*$/u, ''), cue: null, at: offset + lead.length - clause.length, end: offset + lead.length, adjacent: true, after: false };
  }
  const cue = last.cue;
  const rest = lead.slice(last.index + last.length);
  const before = lead.slice(0, last.index);
  let phrase: string;
  if (cue === 'according to' || /^\s+by\s/u.test(rest)) {
    phrase = phraseAfterCue(rest);
  } else {
    const clauses = maskAbbreviations(before).split(/[,;:.!?()"“”]/u).map((c) => c.replace(/\uE000/gu, '.').replace(ADVERBS, ' ').trim());
    phrase = clauses.at(-1) ?? '';
    if (tokensOf(phrase).length > 6) phrase = subjectOf(phrase) ?? phrase;
    // `Mr. Trump, asked about …, had said, "…"`: a clause of auxiliaries and adverbs names nobody.
    if (/^(?:(?:had|has|have|was|were|is|would|will|could|also|then|later|once|again)\s*){1,2}$/u.test(phrase)) phrase = '';
    // `Mark Peaker, 47, a father-of-three, from Telford said: '…'`: an age or a place closing the apposition
    // is not who speaks; the apposition's head, the sentence's first subject, is.
    const closing = clauses.filter((c) => c !== '').at(-1) ?? '';
    const apposition = clauses.length > 2 && (phrase === '' || phrase === closing) && (/^\d+$/u.test(closing) || /^(?:from|in|at|of|near)\s/u.test(closing));
    if (apposition) phrase = '';
    // `Boreing said the members …, but said, "…"`, `Suu Kyi, 70, said …, but added, "…"`: a clause that
    // names nobody (a conjunction, a verb phrase) leaves the subject of an earlier clause.
    if (!cue.endsWith('ing') && !apposition && phrase !== '' && namesNobody(phrase)) {
      const earlier = clauses.slice(0, -1).reverse().map((c) => subjectOf(c) ?? describedSource(c)).find((c) => c !== null && c !== undefined);
      if (earlier) phrase = earlier;
    }
    if (cue.endsWith('ing') || phrase === '') {
      // `As Akhil Amar, professor at Yale, put it, "…"` and `Christie bristled …, saying, "…"`: the
      // speaker is a subject further back.
      const subjects = clauses.map(subjectOf).filter((c): c is string => c !== null);
      phrase = (cue.endsWith('ing') || apposition ? subjects[0] : subjects.at(-1)) ?? '';
      // `A Warren adviser, who spoke on the condition of anonymity, said of the senator, "…"`: a source described, not named.
      if (phrase === '') phrase = clauses.map((c) => describedSource(c)).find((c) => c !== null && c !== undefined) ?? phraseAfterCue(rest);
    }
  }
  if (phrase === '') return null;
  const adjacent = /^\s*(?:that\s*)?[:,]?\s*$/u.test(rest) || /[:,]\s*$/u.test(lead);
  return { phrase, cue, at: offset + last.index, end: offset + lead.length, adjacent, after: false };
}
