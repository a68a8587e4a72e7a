import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { sameGiven } from './given.js';
import { fold } from './name.js';
import type { Person } from './resolve.js';

// A chat user's name for a person ("rubio", "Marco Rubio", "Rubbio") to the person: case, accents and
// titles do not matter, a small typo is forgiven, and a name that fits several people says so.

export type Lookup =
  /** One person fits; `exact` is false when a typo was forgiven ("Rubbio"). */
  | { status: 'found'; person: Person; exact: boolean }
  /** Several fit equally ("rubio": Marco Rubio, Luis Rubio), most quoted first. */
  | { status: 'ambiguous'; candidates: Person[] }
  /** None fits; the closest names, if any are close. */
  | { status: 'unknown'; closest: Person[] };

const TITLES = /^(?:mr|mrs|ms|miss|dr|sen|senator|rep|gov|governor|president|secretary|mayor|gen|general|prof|sir|the)\.?$/u;
const CLOSEST = 3;

function words(query: string): string[] {
  return fold(query)
    .replace(/[^\p{L}\p{N}.\s-]/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '' && !TITLES.test(w));
}

/** Typos forgiven for a word of this length: none for short words, one up to six letters, two beyond. */
const allowedTypos = (length: number): number => (length <= 3 ? 0 : length <= 6 ? 1 : 2);

const byMentions = (a: Person, b: Person): number => b.mentions - a.mentions || (a.id < b.id ? -1 : 1);

/** Whether the query's words name this person: an alias or the name exactly, or the surname with fitting given names. */
function fits(query: string[], person: Person): 'exact' | 'surname' | null {
  const joined = query.join(' ');
  if (fold(person.name) === joined || person.aliases.some((a) => fold(a) === joined)) return 'exact';
  const last = query.at(-1) ?? '';
  if (last !== person.key && !fold(person.name).endsWith(` ${last}`)) return null;
  return sameGiven(query.slice(0, -1), person.given) ? 'surname' : null;
}

/** Finds the person a user means among `people` (the people quoted in the chat's feeds, say). */
export function findPerson(query: string, people: Iterable<Person>): Lookup {
  const asked = words(query);
  if (asked.length === 0) return { status: 'unknown', closest: [] };
  const all = [...people];
  const exact = all.filter((p) => fits(asked, p) === 'exact');
  const loose = exact.length > 0 ? exact : all.filter((p) => fits(asked, p) === 'surname');
  // An exact full name beats a looser match ("Marco Rubio" rather than "Marco Rubio Jr." too); an
  // exact name that several people share stays ambiguous.
  const fullNames = exact.filter((p) => fold(p.name) === asked.join(' '));
  const sure = fullNames.length === 1 ? fullNames : loose;
  if (sure.length === 1 && sure[0]) return { status: 'found', person: sure[0], exact: true };
  if (sure.length > 1) return { status: 'ambiguous', candidates: sure.sort(byMentions) };
  // A typo: the surname (and given names, if asked) within a few edits.
  const last = asked.at(-1) ?? '';
  const scored = all
    .map((person) => ({ person, distance: DamerauLevenshteinDistance(last, person.key) }))
    .filter(({ person, distance }) => distance <= allowedTypos(person.key.length) && sameGiven(asked.slice(0, -1).map((w) => w), person.given))
    .sort((a, b) => a.distance - b.distance || byMentions(a.person, b.person));
  const best = scored[0];
  if (best && scored.filter((s) => s.distance === best.distance).length === 1) return { status: 'found', person: best.person, exact: false };
  if (best) return { status: 'ambiguous', candidates: scored.filter((s) => s.distance === best.distance).map((s) => s.person) };
  const near = all
    .map((person) => ({ person, distance: DamerauLevenshteinDistance(last, person.key) }))
    .filter(({ distance }) => distance <= allowedTypos(last.length) + 1)
    .sort((a, b) => a.distance - b.distance || byMentions(a.person, b.person))
    .slice(0, CLOSEST)
    .map((s) => s.person);
  return { status: 'unknown', closest: near };
}
