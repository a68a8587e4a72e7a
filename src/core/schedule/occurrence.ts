// When is "08:00 in Europe/Kyiv"? Wall-clock arithmetic in an IANA zone, correct across DST changes:
// a time that does not exist that day (spring forward) happens at the next valid minute; a time that
// happens twice (fall back) counts once, the first time.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in `zone` at instant `ms`, expressed as if it were UTC (minutes precision). */
export function wallClock(ms: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour! % 24, parts.minute);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(ms: number, zone: string): string {
  return new Date(wallClock(ms, zone)).toISOString().slice(0, 10);
}

/** UTC midnight of the local date of `ms` in `zone`: the "day" argument of instantOf. */
export function localDay(ms: number, zone: string): number {
  return Date.parse(`${localDate(ms, zone)}T00:00:00Z`);
}

/** The instant at which local date `dayMs` (a UTC-midnight ms) reaches `hhmm` in `zone`. */
export function instantOf(dayMs: number, hhmm: string, zone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const wanted = dayMs + h * HOUR + m * MINUTE;
  // Every offset the zone uses within a day either side (UTC−12 … UTC+14 and at most one change in that
  // span); each gives one candidate instant, and the candidates whose wall clock reads `wanted` are the
  // real ones: one on a normal day, two when the clock falls back (the first counts), none in a gap.
  const offsets = new Set<number>();
  for (let k = -2; k <= 2; k++) {
    const probe = wanted + k * (DAY / 2);
    offsets.add(wallClock(probe, zone) - Math.floor(probe / MINUTE) * MINUTE);
  }
  const candidates = [...offsets]
    .map((o) => wanted - o)
    .filter((t) => wallClock(t, zone) === wanted)
    .sort((a, b) => a - b);
  if (candidates.length) return candidates[0]!;
  // A DST gap: the first minute whose wall clock is past the wanted time. Within a day of a gap the wall
  // clock only moves forward, so a binary search over instants is sound.
  let lo = wanted - 14 * HOUR - DAY / 2;
  let hi = wanted + 12 * HOUR + DAY / 2;
  while (hi - lo > MINUTE) {
    const mid = Math.floor((lo + hi) / 2 / MINUTE) * MINUTE;
    if (wallClock(mid, zone) >= wanted) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The latest occurrence of `hhmm` in `zone` at or before `nowMs`. */
export function lastOccurrence(hhmm: string, zone: string, nowMs: number): number {
  const today = localDay(nowMs, zone);
  for (let back = 0; back < 3; back++) {
    const t = instantOf(today - back * DAY, hhmm, zone);
    if (t <= nowMs) return t;
  }
  throw new Error(`no occurrence of ${hhmm} in ${zone} near ${new Date(nowMs).toISOString()}`);
}

/** The next occurrence of `hhmm` in `zone` strictly after `nowMs`. */
export function nextOccurrence(hhmm: string, zone: string, nowMs: number): number {
  const lastDay = localDay(lastOccurrence(hhmm, zone, nowMs), zone);
  for (let ahead = 1; ahead < 4; ahead++) {
    const t = instantOf(lastDay + ahead * DAY, hhmm, zone);
    if (t > nowMs) return t;
  }
  throw new Error(`no next occurrence of ${hhmm} in ${zone}`);
}
