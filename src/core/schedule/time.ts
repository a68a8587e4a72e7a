// Parsing the two things a chat admin types most: a time of day and an IANA time zone.
import { fail, ok, type Result } from '../errors';

/** "8:05", "08:05" → "08:05". Rejects 24:00, 7.30, 8pm and the like with a sentence that shows a right value. */
export function parseTimeOfDay(input: string): Result<string> {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(input.trim());
  if (!m) return fail('input/bad-time', `“${input.trim()}” is not a time of day. Use 24-hour HH:MM, for example 08:00 or 18:30.`);
  return ok(`${m[1]!.padStart(2, '0')}:${m[2]}`);
}

/** Accepts IANA names (Europe/Kyiv, America/New_York, UTC) the runtime knows; returns the canonical spelling. */
export function parseTimeZone(input: string): Result<string> {
  const name = input.trim();
  if (!name || !/^[A-Za-z0-9_+\-/]+$/.test(name)) return badZone(name);
  if (!isZone(name)) return badZone(name);
  // Intl accepts any letter case, so fix the case of names typed in one case (europe/kyiv → Europe/Kyiv);
  // a name typed in mixed case is kept as typed, since the runtime's list may hold an older spelling (Europe/Kiev).
  const mixedCase = name !== name.toLowerCase() && name !== name.toUpperCase();
  if (mixedCase || !name.includes('/')) return ok(mixedCase ? name : name.toUpperCase());
  const known = zoneNames().find((z) => z.toLowerCase() === name.toLowerCase());
  if (known) return ok(known);
  const titled = name.toLowerCase().replace(/(^|[/_-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
  return ok(isZone(titled) ? titled : name);
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

let names: string[] | null = null;
const zoneNames = (): string[] => (names ??= [...Intl.supportedValuesOf('timeZone'), 'UTC']);

function badZone(name: string): Result<never> {
  return fail('input/bad-timezone', `“${name}” is not a time zone I know. Use an IANA name such as Europe/Kyiv, America/New_York or UTC.`);
}
