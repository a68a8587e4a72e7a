// Time zones as dates in feeds and pages name them: numeric offsets ("+0200", "-01:01", "GMT-01:01", "UTC+5:30"),
// UTC's many names, RFC 822's military letters, and the abbreviations of North America, Europe and the
// Asia-Pacific newsrooms. The generic North American names (ET, CT, MT, PT, AKT) mean standard or daylight
// time by the date itself, under the US rules of that year.

const HOUR = 60;

/** Offsets east of UTC in minutes. Where a name is ambiguous the newsroom reading wins (CST: US Central, IST: India). */
const NAMED: Record<string, number> = {
  Z: 0, UT: 0, UTC: 0, GMT: 0, WET: 0, WEZ: 0,
  // North America
  EST: -5 * HOUR, EDT: -4 * HOUR, CST: -6 * HOUR, CDT: -5 * HOUR, MST: -7 * HOUR, MDT: -6 * HOUR, PST: -8 * HOUR, PDT: -7 * HOUR,
  AKST: -9 * HOUR, AKDT: -8 * HOUR, HST: -10 * HOUR, HDT: -9 * HOUR, HAST: -10 * HOUR, HADT: -9 * HOUR,
  AST: -4 * HOUR, ADT: -3 * HOUR, NST: -3.5 * HOUR, NDT: -2.5 * HOUR,
  // Europe
  BST: HOUR, IST: 5.5 * HOUR, WEST: HOUR, WESZ: HOUR, CET: HOUR, CEST: 2 * HOUR, MET: HOUR, MEST: 2 * HOUR, MEZ: HOUR, MESZ: 2 * HOUR,
  EET: 2 * HOUR, EEST: 3 * HOUR, OEZ: 2 * HOUR, OESZ: 3 * HOUR, MSK: 3 * HOUR, MSD: 4 * HOUR, TRT: 3 * HOUR,
  // Africa, Asia, Pacific
  WAT: HOUR, CAT: 2 * HOUR, SAST: 2 * HOUR, EAT: 3 * HOUR, GST: 4 * HOUR, PKT: 5 * HOUR, NPT: 5.75 * HOUR, ICT: 7 * HOUR, WIB: 7 * HOUR,
  HKT: 8 * HOUR, SGT: 8 * HOUR, PHT: 8 * HOUR, AWST: 8 * HOUR, JST: 9 * HOUR, KST: 9 * HOUR, ACST: 9.5 * HOUR, ACDT: 10.5 * HOUR,
  AEST: 10 * HOUR, AEDT: 11 * HOUR, NZST: 12 * HOUR, NZDT: 13 * HOUR,
};

/** Standard offsets of the zones named without saying standard or daylight. */
const US_GENERIC: Record<string, number> = { ET: -5 * HOUR, CT: -6 * HOUR, MT: -7 * HOUR, PT: -8 * HOUR, AKT: -9 * HOUR };

/** The day of month of the n-th (1-based; 0 = last) Sunday of a month. */
function sunday(year: number, month: number, n: number): number {
  if (n === 0) {
    const last = new Date(Date.UTC(year, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  }
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((7 - first) % 7) + (n - 1) * 7;
}

/** Whether US daylight time is in force at this local date and hour (2 a.m. changeovers). */
export function usDaylight(year: number, month: number, day: number, hour: number): boolean {
  // Since 2007: second Sunday of March to first Sunday of November; before: first Sunday of April to last of October.
  const [startMonth, startDay, endMonth, endDay] = year >= 2007 ? [3, sunday(year, 3, 2), 11, sunday(year, 11, 1)] : [4, sunday(year, 4, 1), 10, sunday(year, 10, 0)];
  const at = month * 10_000 + day * 100 + hour;
  return at >= startMonth * 10_000 + startDay * 100 + 2 && at < endMonth * 10_000 + endDay * 100 + 2;
}

/** "+0530", "-01:01", "+2": minutes east of UTC, or null when not a numeric offset or out of range. */
function numericOffset(s: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(s);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * HOUR + minutes);
}

/**
 * Minutes east of UTC for a zone as written, read at the given local date (for the generic US names); null
 * when the zone is unknown or impossible.
 */
export function zoneOffsetMinutes(zone: string, local: { year: number; month: number; day: number; hour: number }): number | null {
  const z = zone.trim().toUpperCase();
  if (/^[+-]/.test(z)) return numericOffset(z);
  const prefixed = /^(?:GMT|UTC|UT)([+-].*)$/.exec(z);
  if (prefixed) return numericOffset(prefixed[1]!);
  if (z in NAMED) return NAMED[z]!;
  if (z in US_GENERIC) return US_GENERIC[z]! + (usDaylight(local.year, local.month, local.day, local.hour) ? HOUR : 0);
  // RFC 2822: the military letters' signs were defined backwards in RFC 822, so they mean "UTC, local zone unknown".
  if (/^[A-IK-Y]$/.test(z)) return 0;
  return null;
}
