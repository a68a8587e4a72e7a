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
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    // Intl accepts case-insensitive names; keep the canonical one so storage and display agree.
    return ok(resolved);
  } catch {
    return badZone(name);
  }
}

function badZone(name: string): Result<never> {
  return fail('input/bad-timezone', `“${name}” is not a time zone I know. Use an IANA name such as Europe/Kyiv, America/New_York or UTC.`);
}
