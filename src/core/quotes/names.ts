import { ownCopy } from '../text/spans.js';

// Turning the words around a cue into a person's name: "US Secretary of State Marco Rubio" is Marco Rubio,
// "Mr Eddington" is Eddington, "he" and "the Secretary of State" are somebody named earlier.

/** Words of a role or title that come before a name and are not part of it. Lower-case. */
export const ROLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'vice',
  'secretary', 'state', 'minister', 'prime', 'deputy', 'senator', 'sen', 'rep', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice', 'chief', 'executive', 'chairman', 'chairwoman',
  'chair', 'director', 'general', 'gen', 'lt', 'col', 'colonel', 'major', 'captain', 'capt', 'sgt', 'sergeant',
  'admiral', 'adm', 'commander', 'officer', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'speaker',
  'leader', 'candidate', 'nominee', 'democratic', 'republican', 'democrat', 'former', 'acting', 'attorney',
  'ceo', 'cfo', 'coo', 'founder', 'co-founder', 'head', 'manager', 'coach', 'striker', 'midfielder', 'defender',
  'goalkeeper', 'boss', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'reverend', 'father',
  'sister', 'brother', 'uncle', 'aunt', 'economist', 'analyst', 'professor', 'dean', 'coach', 'manager', 'premier',
  'foreign', 'defense', 'defence', 'interior', 'finance', 'health', 'economy', 'trade', 'national', 'security',
  'adviser', 'advisor', 'strategist', 'pollster', 'campaign', 'manager', 'presidential', 'vice-presidential', 'running',
  'mate', 'gop', 'dem', 'u.s.', 'us', 'uk', 'eu', 'un', 'nato', 'russian', 'ukrainian', 'american', 'british', 'german',
  'french', 'chinese', 'israeli', 'european', 'commissioner', 'inspector', 'detective', 'agent', 'host', 'anchor',
  'editor', 'reporter', 'correspondent', 'author', 'writer', 'actor', 'actress', 'singer', 'star', 'champion',
  'chairperson', 'treasurer', 'councillor', 'councilman', 'councilwoman', 'lawmaker', 'mp', 'mep', 'sen.', 'gov.',
  'rep.', 'dr.', 'mr.', 'mrs.', 'ms.', 'gen.', 'lt.', 'col.', 'capt.', 'sgt.', 'adm.', 'prof.', 'rev.', 'st.',
  'colleague', 'opponent', 'rival', 'challenger', 'incumbent', 'hopeful', 'then-candidate', 'then-senator', 'ex',
  'labour', 'conservative', 'tory', 'liberal', 'green', 'libertarian', 'independent', 'white', 'house', 'press',
  'wife', 'husband', 'grandmother', 'grandfather', 'teacher', 'pupil', 'doctor', 'nurse', 'lawyer', 'barrister',
  'solicitor', 'pensioner', 'photographer', 'fan', 'supporter', 'passenger', 'commuter', 'customer',
  'prosecutor', 'pc', 'constable', 'superintendent', 'investigator', 'coroner', 'paramedic', 'firefighter',
]);

/** Role words that are also common surnames: alone and capitalized, they name someone ("Dean said"). */
const SURNAMES_TOO = new Set(['dean', 'king', 'prince', 'major', 'bishop', 'marshal', 'chancellor', 'baker', 'sheriff', 'rice']);

/** Words that never belong to a person's name (places, institutions, calendar). */
const NOT_NAME = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'a', 'an',
  'and', 'but', 'in', 'on', 'at', 'for', 'of', 'to', 'it', 'this', 'that', 'these', 'those', 'there', 'here',
  'i', 'we', 'you', 'they', 'he', 'she', 'if', 'when', 'while', 'as', 'so', 'yet', 'or', 'nor', 'not', 'no',
  'yes', 'oh', 'well', 'now', 'then', 'what', 'why', 'how', 'who', 'which', 'where', 'my', 'our', 'his', 'her',
  'their', 'its', 'your', 'after', 'before', 'with', 'from', 'by', 'earlier', 'later', 'meanwhile', 'however',
  'another', 'any', 'each', 'one', 'several', 'some', 'many', 'other', 'others', 'all', 'both', 'every', 'most', 'few',
]);

const INSTITUTION = new Set([
  'bank', 'house', 'party', 'inc', 'corp', 'co', 'ltd', 'university', 'college', 'committee', 'department',
  'ministry', 'news', 'times', 'post', 'journal', 'council', 'agency', 'union', 'commission', 'court', 'group',
  'association', 'office', 'airlines', 'airways', 'center', 'centre', 'fund', 'reserve', 'exchange', 'network',
  'service', 'institute', 'league', 'club', 'cup', 'championships', 'games', 'kingdom', 'states', 'republic',
  'street', 'airport', 'foundation', 'company', 'campaign', 'administration', 'congress', 'senate', 'parliament',
  'government', 'police', 'army', 'navy', 'times', 'herald', 'tribune', 'telegraph', 'guardian', 'press', 'media',
  'radio', 'tv', 'television', 'broadcasting', 'corporation', 'board', 'authority', 'organisation', 'organization',
  'hospital', 'school', 'church', 'city', 'county', 'river', 'island', 'square', 'hall', 'stadium', 'park',
]);

/** Nouns of people who speak for someone, after whose name they come ("a Warren adviser"). */
const SERVES = new Set(['adviser', 'advisers', 'advisor', 'advisors', 'aide', 'aides', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'staffer', 'staffers', 'source', 'sources', 'strategist', 'ally', 'allies', 'insider', 'operative', 'loyalist', 'surrogate']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'him', 'her', 'them', 'it']);

/** Lower-case words inside a name: "Nick Van den Brul", "Ursula von der Leyen", "Mohammed bin Salman". */
export const NAME_PARTICLES = ['al', 'bin', 'ibn', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'dos', 'das', 'van', 'von', 'ter', 'ten', 'le', 'la', 'du', 'mac'];

const NAME_TOKEN = new RegExp(`^(?:\\p{Lu}[\\p{L}'’-]*\\.?|\\p{Lu}\\.|(?:al|el|ad|ar|as|ash|at|az)-\\p{Lu}[\\p{L}'’-]*|(?:${NAME_PARTICLES.join('|')})(?=$))$`, 'u');
const PARTICLE = new RegExp(`^(?:${NAME_PARTICLES.join('|')})$`, 'u');

/** Words of an outlet's or organization's name: a person's name starts after them ("Golf Channel Alexis Thompson"). */
const OUTLET = new Set(['channel', 'news', 'times', 'post', 'journal', 'tv', 'radio', 'network', 'magazine', 'newspaper', 'sports', 'sport', 'today', 'daily', 'weekly', 'press', 'media', 'herald', 'tribune', 'telegraph', 'guardian', 'mail', 'express', 'bbc', 'cnn', 'espn', 'nbc', 'abc', 'cbs', 'fox', 'msnbc', 'npr', 'reuters', 'afp', 'ap']);

export function tokensOf(phrase: string): string[] {
  return phrase.split(/\s+/u).filter((token) => token !== '');
}

function clean(token: string): string {
  return token.replace(/^[("'“‘[]+|[)"'”’\],.;:!?]+$/gu, '');
}

function isNameToken(token: string): boolean {
  const bare = token.replace(/['’]s$/u, '');
  return NAME_TOKEN.test(bare) && !NOT_NAME.has(bare.toLowerCase());
}

/**
 * The name a noun phrase ends on, roles and titles stripped: the last run of capitalized words whose
 * first words are not role words. Null when the phrase names nobody ("the source", "he").
 */
export function nameIn(phrase: string): string | null {
  if (phrase.length > NAME_CACHE_LONGEST) return findName(phrase);
  const known = NAME_CACHE.get(phrase);
  if (known !== undefined) return known;
  const name = findName(phrase);
  if (NAME_CACHE.size >= NAME_CACHE_LIMIT) NAME_CACHE.clear();
  NAME_CACHE.set(ownCopy(phrase), name);
  return name;
}

// The same short phrases come back often ("Mr Blair", "The"); long ones seldom do. nameIn is a pure
// function of its phrase, so its answers for short phrases are remembered, up to a bound, keyed by a
// copy that does not keep the article alive (a few megabytes at most).
const NAME_CACHE = new Map<string, string | null>();
const NAME_CACHE_LIMIT = 30_000;
const NAME_CACHE_LONGEST = 24;

function findName(phrase: string): string | null {
  // "(D-Va.)" and other parentheticals are not part of a name.
  // A party tag cut off from its parenthesis ("(R-OH", "I-Vt.") is not a name either.
  const bare = phrase.replace(/\([^)]*(?:\)|$)/gu, ' ').replace(/(?:^|\s)[RDI]-\p{Lu}[\p{L}.]*(?=\s|$)/gu, ' ');
  // "Cameron Easley for Morning Consult", "Mr. Cruz of Texas": the person comes before the preposition.
  const head = /^(.*?\p{Lu}[\p{L}'’-]+)\s+(?:of|at|for|from|with|in|on|to|and|who|which)\s+\p{Lu}/u.exec(bare);
  // "Speaking to Golf Channel …": an opening participle is no person.
  if (head?.[1] && !/^\p{Lu}\p{Ll}+ing$/u.test(head[1])) {
    const named = nameIn(head[1]);
    if (named && looksLikePerson(named)) return named;
  }
  const tokens = tokensOf(bare).map(clean).filter((t) => t !== '' && !/^I['’]/u.test(t));
  let end = tokens.length;
  while (end > 0 && !isNameToken(tokens[end - 1] ?? '')) end--;
  if (end === 0) return null;
  // "a Warren adviser", "one Clinton aide": a name before the noun says whose; the speaker is not named.
  if (tokens.slice(end).some((t) => SERVES.has(t.toLowerCase()))) return null;
  let start = end - 1;
  while (start > 0 && isNameToken(tokens[start - 1] ?? '') && !/['’]s$/u.test(tokens[start - 1] ?? '')) start--;
  let run = tokens.slice(start, end);
  // "Speaking …", "Recalling …": a participle that opens the sentence is no part of a name. Alone, such a
  // word is as likely a surname (Schilling, Ebeling), and stays.
  while (run.length > 1 && /^\p{Lu}\p{Ll}{3,}ing$/u.test(run[0] ?? '')) run = run.slice(1);
  // A particle ends no name ("… Smith de" is a cut); a name after an outlet's is the person's alone.
  while (run.length > 1 && PARTICLE.test(run.at(-1) ?? '')) run = run.slice(0, -1);
  const outlet = run.findLastIndex((t, i) => i < run.length - 1 && OUTLET.has(t.toLowerCase()));
  if (outlet >= 0 && run.length - outlet - 1 >= 2) run = run.slice(outlet + 1);
  // "Sanders's campaign manager": the possessive names the employer, not the speaker.
  if (/['’]s$/u.test(run.at(-1) ?? '')) return null;
  const titled = /^(?:mr|mrs|ms|miss|dr|prof)\.?$/iu.test(run[0] ?? '');
  while (run.length > 1 && ROLE_WORDS.has((run[0] ?? '').toLowerCase())) run = run.slice(1);
  // "Mr. King" is a surname that happens to be a role word.
  const single = (run[0] ?? '').toLowerCase();
  if (run.length === 1 && ROLE_WORDS.has(single) && !SURNAMES_TOO.has(single) && !(titled && tokens.length > start + 1)) return null;
  // A lone all-caps word is an acronym (an agency, a network), kept as is; a possessive is not the speaker.
  const name = run.join(' ').replace(/['’]s$/u, '');
  return name === '' ? null : name;
}

/** Whether a name looks like a person's rather than an institution's or a place's. */
export function looksLikePerson(name: string): boolean {
  const tokens = tokensOf(name);
  if (tokens.some((t) => INSTITUTION.has(t.toLowerCase()))) return false;
  // "WASHINGTON", "RED STATES OUTNUMBER BLUE", "ROLL TIDE Alabama": a dateline or a heading set in capitals.
  const capitals = tokens.filter((t) => /^\p{Lu}[\p{Lu}'’.-]*\p{Lu}$/u.test(t)).length;
  if (capitals === tokens.length || capitals * 2 > tokens.length) return false;
  return true;
}

/** Lower-case role nouns of a phrase ("the Secretary of State" → secretary, state). */
export function roleWordsIn(phrase: string): string[] {
  return tokensOf(phrase.toLowerCase())
    .map((t) => t.replace(/[^\p{L}.-]/gu, ''))
    .filter((t) => ROLE_WORDS.has(t) && !['the', 'former', 'us', 'u.s.'].includes(t));
}

/** Words that open a description of a source nobody names: "the ruling", "a friend", "one Democratic source". */
const DESCRIBING = /^(?:the|a|an|one|this|that|these|those|his|her|their|its|our|my|another|some|several|two|three|four|five)$/iu;

/** Words that make a phrase a clause rather than a noun phrase. */
const CLAUSE_WORD = /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|who|which|that|whose|when|if|because|it|he|she|they|we|i)$/u;

/** Heads that describe a time or a manner, not who is speaking ("the next day", "that way"). */
const NOT_SOURCE = new Set([
  'day', 'days', 'week', 'weeks', 'year', 'years', 'month', 'months', 'time', 'times', 'moment', 'morning',
  'afternoon', 'evening', 'night', 'way', 'end', 'point', 'thing', 'things', 'fact', 'question', 'answer', 'idea',
  'case', 'same', 'other', 'others', 'first', 'last', 'next', 'rest', 'lot', 'bit', 'kind', 'sort', 'part',
]);

/**
 * The source an attribution describes without naming anyone ("the ruling", "a friend", "Obama's former
 * campaign strategist"), as the text words it; null when the phrase is no such noun phrase (a clause with a
 * verb, a time, a pronoun). The speaker of a quote is a name when the article gives one, else this.
 */
export function describedSource(phrase: string): string | null {
  // A phrase cut off at a quotation mark ("the authors of the “Growth …”") ends at its last whole word.
  // "a White House official who spoke anonymously": the relative clause says more of the source, not who it is.
  const head = (phrase.split(/,/u)[0] ?? '')
    .replace(/\s+(?:who|whom|whose|which)\s.*$/u, '')
    .replace(/\([^)]*(?:\)|$)/gu, ' ')
    .replace(/(?:\s+(?:of|on|in|at|for|from|with|to|by|and|or|the|a|an))+\s*$/iu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const tokens = tokensOf(head);
  if (tokens.length < 2 || tokens.length > 8) return null;
  const first = tokens[0] ?? '';
  if (!DESCRIBING.test(first) && !/^\p{Lu}[\p{L}-]*['’]s$/u.test(first)) return null;
  const lower = tokens.map((t) => t.toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, ''));
  // A clause, not a noun phrase: "Another voter was less kind", "the man who said".
  if (lower.slice(1).some((t) => CLAUSE_WORD.test(t))) return null;
  // The head noun is the last word before a prepositional tail ("one Democratic source on the panel").
  const tail = lower.findIndex((t, i) => i > 0 && /^(?:of|on|in|at|for|from|with|to|close|familiar)$/u.test(t));
  // "one of those advisers": the head is the noun after "one of".
  const partitive = lower[0] === 'one' && lower[1] === 'of';
  const noun = partitive ? (lower.at(-1) ?? '') : (lower[(tail > 0 ? tail : lower.length) - 1] ?? '');
  if (noun === '' || NOT_SOURCE.has(noun) || PRONOUNS.has(noun) || DESCRIBING.test(noun) || /^\p{N}+$/u.test(noun)) return null;
  return head.replace(/[.,;:!?]+$/u, '');
}
