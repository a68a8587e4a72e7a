import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { fold } from './name.js';

// Whether two sets of given names can belong to one person: "Bill" and "William Jefferson", "Len" and
// "Leonard E.", "Donald J." and "Donald"; but not "George W." and "George H.W.", nor "Jeb" and "George".

/** Short forms that are not a prefix of the full name. A prefix ("Chris", "Ed", "Geoff") needs no entry. */
const NICKNAMES: Record<string, string[]> = {
  bill: ['william'], billy: ['william'], will: ['william'], bob: ['robert'], bobby: ['robert'], rob: ['robert'],
  dick: ['richard'], rick: ['richard', 'frederick', 'eric'], jim: ['james'], jimmy: ['james'], mike: ['michael'],
  joe: ['joseph'], ted: ['edward', 'theodore'], tom: ['thomas'], chuck: ['charles'], charlie: ['charles'],
  len: ['leonard'], liz: ['elizabeth'], beth: ['elizabeth'], betsy: ['elizabeth'], kate: ['katherine', 'catherine'],
  peggy: ['margaret'], jack: ['john'], hank: ['henry'], larry: ['lawrence'], tony: ['anthony'], andy: ['andrew'],
  dave: ['david'], steve: ['stephen', 'steven'], sandy: ['sandra', 'alexander'], jeb: ['john'], ken: ['kenneth'],
  kathy: ['katherine', 'kathleen'], jerry: ['gerald', 'jerome'], harry: ['henry', 'harold'],
  sue: ['susan'], peg: ['margaret'], ned: ['edward'], newt: ['newton'], mitt: ['willard'], rudy: ['rudolph'],
  chip: ['charles'], marty: ['martin'], tim: ['timothy'], zeke: ['ezekiel'],
};

const initialOf = (name: string): string => name.charAt(0);
const isInitial = (name: string): boolean => /^\p{L}\.?$/u.test(name) || /^(?:\p{L}\.){2,}$/u.test(name);

/** Whether two first names can be the same person's: equal, an initial, a prefix ("Chris"), a nickname ("Bill"). */
export function sameFirstName(a: string, b: string): boolean {
  const [x, y] = [fold(a).replace(/\.$/u, ''), fold(b).replace(/\.$/u, '')];
  if (x === y) return true;
  if (isInitial(a) || isInitial(b)) return initialOf(x) === initialOf(y) && !(isInitial(a) && isInitial(b));
  if (x.length >= 2 && y.length >= 2 && (x.startsWith(y) || y.startsWith(x))) return true;
  if ((NICKNAMES[x] ?? []).includes(y) || (NICKNAMES[y] ?? []).includes(x)) return true;
  // A long name misspelled by one letter or two swapped ("Kristen" for "Kirsten").
  return x.length >= 6 && y.length >= 6 && DamerauLevenshteinDistance(x, y) <= 1;
}

/** The initials of middle names: "H.W." → "hw", "Walker" → "w", "Rodham" → "r". */
function middleInitials(names: readonly string[]): string {
  return names.map((n) => (isInitial(n) ? fold(n).replace(/\./gu, '') : initialOf(fold(n)))).join('');
}

/**
 * Whether two lists of given names fit one person. A missing middle name fits anything ("Donald Trump",
 * "Donald J. Trump"); two middle names must agree in their initials ("George W." is not "George H.W.").
 */
export function sameGiven(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  if (!sameFirstName(a[0] ?? '', b[0] ?? '')) {
    // "Hillary Rodham Clinton" is sometimes "Rodham Clinton"; "J. Danforth Quayle" is "Dan Quayle".
    const [long, short] = a.length > b.length ? [a, b] : [b, a];
    return long.length > 1 && short.length === 1 && !isInitial(long[1] ?? '') && !isInitial(short[0] ?? '') && sameFirstName(long[1] ?? '', short[0] ?? '');
  }
  const [ma, mb] = [middleInitials(a.slice(1)), middleInitials(b.slice(1))];
  return ma === '' || mb === '' || ma === mb;
}
