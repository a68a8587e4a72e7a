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

/** Renamed zones the runtime's list may know only by their old names (Europe/Kiev). */
const MODERN_NAMES = ['Europe/Kyiv', 'America/Nuuk', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Yangon', 'Atlantic/Faroe', 'Pacific/Kanton'];

let names: string[] | null = null;
/** Every zone name this runtime accepts: its own list, the modern names it also knows, and UTC; sorted. */
const zoneNames = (): string[] => (names ??= [...new Set([...Intl.supportedValuesOf('timeZone'), ...MODERN_NAMES.filter(isZone), 'UTC'])].sort());

/** Up to 25 time zones matching what was typed: names that start with it (or a part that does) first. */
export function timeZoneChoices(typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const rankOf = (zone: string): number => {
    const z = zone.toLowerCase();
    if (!q) return 2;
    if (z.startsWith(q)) return 0;
    if (z.split('/').some((part) => part.startsWith(q))) return 1;
    return z.includes(q) ? 2 : -1;
  };
  return zoneNames()
    .map((z) => ({ z, rank: rankOf(z) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.z.localeCompare(b.z))
    .slice(0, 25)
    .map(({ z }) => ({ name: z.replace(/_/g, ' '), value: z }));
}

function badZone(name: string): Result<never> {
  return fail('input/bad-timezone', `“${name}” is not a time zone I know. Use an IANA name such as Europe/Kyiv, America/New_York or UTC.`);
}
