import type { ArticleContext, ArticleName } from './article.js';
import { sameFirstName, sameGiven } from './given.js';
import { fold, parseName, type ParsedName } from './name.js';

// Speakers become people: every mention of a name is resolved, as it comes, to a person seen before or a
// new one. Candidates are only the people who share the mention's surname key, so each mention costs a
// look-up in an index, never a pass over everyone.
//
// The rule, in order:
// 1. A surname alone ("Clinton", "Mr. Trump", "Sen. Rubio") takes the given names of the person the same
//    article names in full with that surname. When it names several (Bill and Hillary Clinton), the one the
//    article names more often, unless an honorific rules that one out (a "Mrs." is not someone known as
//    a "Mr."); on a tie, the one quoted more often so far, then the one named first.
// 2. A name with given names is the known person with that surname whose given names fit (an initial, a
//    nickname, a missing middle name: "Donald J. Trump" is "Donald Trump"; "George W." is not "George
//    H.W."), with the same suffix ("Jr."). Failing that, a person known by the surname alone takes the
//    given names (`upgradeBare`); else the name is someone new.
// 3. A surname the article does not widen is the known person with that surname who shares a role with the
//    mention, else the one seen within a year of it, else the one quoted most; or, with none, someone new.
// Ties always fall to the lower id, so a stream resolves the same way every time.

export interface Person {
  /** Stable and readable: "marco-rubio", "marco-rubio-2" for a second one. */
  id: string;
  /** The fullest form of the name seen: "Hillary Rodham Clinton". */
  name: string;
  given: string[];
  suffix: string | null;
  /** The surname key the person is indexed by (see `ParsedName.key`). */
  key: string;
  /** Every form of the name seen, without titles: "Rubio", "Marco Rubio". */
  aliases: string[];
  /** Titles and roles seen with the name: "Secretary of State", "Sen.". */
  roles: string[];
  gender: 'm' | 'f' | null;
  /** How many mentions resolved to this person. */
  mentions: number;
  /** The time of the latest mention (epoch milliseconds), when mentions carry one. */
  lastSeen: number | null;
}

/** What the resolver needs of the people already known: a store answers these with two indexed queries. */
export interface KnownPeople {
  withKey(key: string): readonly Person[];
  hasId(id: string): boolean;
}

export interface Mention {
  /** The speaker as the quote carries it. */
  name: string;
  /** The article's full names (`articleContext`), which widen a bare surname. */
  article?: ArticleContext;
  /** When the article was published (epoch milliseconds). */
  time?: number | null;
}

export interface Resolution {
  /** The person, updated with this mention: store it. */
  person: Person;
  created: boolean;
  /** Name forms and roles this mention added to the person. */
  newAliases: string[];
  newRoles: string[];
}

export interface ResolveOptions {
  /** Whether a person known by a surname alone takes the given names of the first full name with that surname. */
  upgradeBare: boolean;
  /** How long a person stays the likely meaning of their bare surname after their last mention. */
  recentMs: number;
}

export const RESOLVE_DEFAULTS = { upgradeBare: true, recentMs: 365 * 24 * 3600 * 1000 } as const satisfies Required<ResolveOptions>;

const byId = (a: Person, b: Person): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const genderFits = (gender: 'm' | 'f' | null, person: { gender: 'm' | 'f' | null }): boolean =>
  gender === null || person.gender === null || gender === person.gender;
const sameSuffix = (a: string | null, b: string | null): boolean => fold(a ?? '').replace(/\.$/u, '') === fold(b ?? '').replace(/\.$/u, '');

/** Who a bare surname (or a first name alone) stands for in its article: rule 1. */
function widen(mention: ParsedName, article: ArticleContext | undefined, known: KnownPeople): ParsedName {
  const bySurname = article?.byKey.get(mention.key) ?? [];
  // A first name alone ("Melanie", "Hillary") is read as one only when it is nobody's surname and has no title.
  const firstNameOnly = bySurname.length === 0 && mention.gender === null && mention.roles.length === 0 && known.withKey(mention.key).length === 0;
  const named = firstNameOnly ? (article?.byGiven.get(mention.key) ?? []) : bySurname;
  // "Mr. Verdery" is C. Stewart Verdery Jr.; but where the article names a Jr. and his father, the father.
  const plain = named.filter((n) => sameSuffix(n.parsed.suffix, mention.suffix));
  const fitting = plain.length > 0 || mention.suffix !== null ? plain : named;
  if (fitting.length === 0) return mention;
  const knownAs = (n: ArticleName): Person | undefined =>
    known.withKey(n.parsed.key).filter((p) => p.given.length > 0 && sameGiven(p.given, n.parsed.given)).sort((a, b) => b.mentions - a.mentions || byId(a, b))[0];
  const ranked = fitting
    .map((n) => ({ n, person: knownAs(n) }))
    .filter(({ person }) => !person || genderFits(mention.gender, person))
    .sort((a, b) => b.n.count - a.n.count || (b.person?.mentions ?? 0) - (a.person?.mentions ?? 0) || a.n.first - b.n.first);
  const chosen = ranked[0]?.n.parsed;
  return chosen ? { ...chosen, gender: mention.gender ?? chosen.gender, roles: mention.roles } : mention;
}

/** The likelier of two people for a surname alone: rule 3. */
function salience(roles: Set<string>, time: number | null, recentMs: number) {
  const sharesRole = (p: Person): number => (p.roles.some((r) => roles.has(fold(r))) ? 1 : 0);
  const recent = (p: Person): number => (time === null || p.lastSeen === null || Math.abs(time - p.lastSeen) <= recentMs ? 1 : 0);
  return (a: Person, b: Person): number => sharesRole(b) - sharesRole(a) || recent(b) - recent(a) || b.mentions - a.mentions || byId(a, b);
}

function match(target: ParsedName, known: KnownPeople, time: number | null, options: ResolveOptions): Person | undefined {
  const candidates = known.withKey(target.key).filter((p) => genderFits(target.gender, p));
  const order = salience(new Set(target.roles.map(fold)), time, options.recentMs);
  if (target.given.length === 0) {
    const plain = candidates.filter((p) => p.suffix === null || target.suffix !== null);
    return [...(plain.length > 0 ? plain : candidates)].filter((p) => sameSuffix(p.suffix, target.suffix) || target.suffix === null).sort(order)[0];
  }
  const suffixed = candidates.filter((p) => sameSuffix(p.suffix, target.suffix));
  const fitting = suffixed.filter((p) => p.given.length > 0 && sameGiven(p.given, target.given)).sort(order);
  if (fitting[0]) return fitting[0];
  return options.upgradeBare ? suffixed.filter((p) => p.given.length === 0).sort(order)[0] : undefined;
}

function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/gu, '-').replace(/^-|-$/gu, '') || 'person';
}

function freshId(name: string, known: KnownPeople): string {
  const base = slug(name);
  if (!known.hasId(base)) return base;
  for (let n = 2; ; n++) if (!known.hasId(`${base}-${n}`)) return `${base}-${n}`;
}

function addNew(list: readonly string[], values: readonly string[]): string[] {
  const seen = new Set(list.map(fold));
  const added: string[] = [];
  for (const value of values) {
    if (seen.has(fold(value))) continue;
    seen.add(fold(value));
    added.push(value);
  }
  return added;
}

/**
 * The person a mention names, known or new, with the record updated by this mention; null when the
 * mention names nobody ("he", "a source", "the ruling"). Pure: the caller stores the result.
 */
export function resolvePerson(known: KnownPeople, mention: Mention, options: Partial<ResolveOptions> = {}): Resolution | null {
  const settings = { ...RESOLVE_DEFAULTS, ...options };
  const parsed = parseName(mention.name);
  if (!parsed) return null;
  const time = mention.time ?? null;
  const target = parsed.given.length === 0 ? widen(parsed, mention.article, known) : parsed;
  const found = match(target, known, time, settings);
  const base: Person = found ?? {
    id: freshId(target.display, known),
    name: target.display,
    given: target.given,
    suffix: target.suffix,
    key: target.key,
    aliases: [],
    roles: [],
    gender: null,
    mentions: 0,
    lastSeen: null,
  };
  // The canonical name is the fullest form seen ("Donald J. Trump"), if it begins the same way ("Year Barack Obama" does not).
  const fuller = target.given.length > base.given.length && (base.given.length === 0 || sameFirstName(target.given[0] ?? '', base.given[0] ?? ''));
  // A first name that was a stray word ("Year Barack Obama") gives way when the name is seen without it.
  const stray = target.given.length > 0 && base.given.length === target.given.length + 1 && target.given.every((g, i) => fold(g) === fold(base.given[i + 1] ?? ''));
  const renamed = fuller || stray;
  const newAliases = addNew(base.aliases, [parsed.display, target.display]);
  const newRoles = addNew(base.roles, parsed.roles);
  const person: Person = {
    ...base,
    name: renamed ? target.display : base.name,
    given: renamed ? target.given : base.given,
    aliases: [...base.aliases, ...newAliases],
    roles: [...base.roles, ...newRoles].slice(-20),
    gender: base.gender ?? parsed.gender,
    mentions: base.mentions + 1,
    lastSeen: time === null ? base.lastSeen : Math.max(time, base.lastSeen ?? time),
  };
  return { person, created: !found, newAliases, newRoles };
}

/** Known people held in memory, indexed by surname key and id: the resolver's index for a stream. */
export class PeopleIndex implements KnownPeople {
  private readonly byKey = new Map<string, Person[]>();
  private readonly byIdMap = new Map<string, Person>();

  constructor(people: Iterable<Person> = []) {
    for (const person of people) this.put(person);
  }

  withKey(key: string): readonly Person[] {
    return this.byKey.get(key) ?? [];
  }

  hasId(id: string): boolean {
    return this.byIdMap.has(id);
  }

  get(id: string): Person | undefined {
    return this.byIdMap.get(id);
  }

  people(): IterableIterator<Person> {
    return this.byIdMap.values();
  }

  get size(): number {
    return this.byIdMap.size;
  }

  /** Adds a person or replaces the one with the same id. */
  put(person: Person): void {
    const old = this.byIdMap.get(person.id);
    if (old) this.byKey.set(old.key, (this.byKey.get(old.key) ?? []).filter((p) => p.id !== person.id));
    this.byIdMap.set(person.id, person);
    this.byKey.set(person.key, [...(this.byKey.get(person.key) ?? []), person]);
  }

  /** Resolves a mention and keeps what it learned. */
  observe(mention: Mention, options?: Partial<ResolveOptions>): Resolution | null {
    const resolution = resolvePerson(this, mention, options);
    if (resolution) this.put(resolution.person);
    return resolution;
  }
}
