// The one date reader for feeds and pages. Dates come as RFC 822/2822 (with or without a weekday, two-digit
// years, RFC 850 dashes), ISO 8601 / RFC 3339 (basic or extended, with or without "T", a zone or a fraction),
// asctime and JavaScript's Date#toString, "January 16, 2020 10:00 AM EST", "16. März 2020", numeric dates
// whose order is unambiguous, and month names in English and six other European languages.
// A value is read exactly or not at all: an impossible day, month, hour or offset gives null, never a
// rolled-over date, and an unknown zone name gives null rather than a silent UTC.
import { zoneOffsetMinutes } from './zones';

const MONTH_NAMES: [number, string][] = [
  [1, 'jan january januar janvier janv enero ene gennaio gen januari janeiro'],
  [2, 'feb february februar février fevrier févr fevr febrero febbraio februari fevereiro fev'],
  [3, 'mar march mär märz maerz mrz mars marzo maart mrt março marco'],
  [4, 'apr april avril avr abril abr aprile'],
  [5, 'may mai mayo maggio mag mei maio'],
  [6, 'jun june juni juin junio giugno giu junho'],
  [7, 'jul july juli juillet juil julio luglio lug julho'],
  [8, 'aug august août aout agosto ago augustus'],
  [9, 'sep sept september septembre septiembre setiembre settembre set setembro'],
  [10, 'oct october oktober octobre octubre ottobre ott okt outubro out'],
  [11, 'nov november novembre noviembre novembro'],
  [12, 'dec december dezember décembre decembre déc diciembre dic dicembre dez dezembro'],
];
const MONTHS = new Map(MONTH_NAMES.flatMap(([n, names]) => names.split(' ').map((name) => [name, n] as const)));
const WEEKDAYS = new Set(
  ('mon monday tue tues tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday sun sunday ' +
    'mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'mié jue vie sáb lunes martes miércoles jueves viernes sábado domingo').split(' '),
);
/** Words that may stand between the parts of a written date ("16 de marzo de 2020", "June 3 at 10:00"). */
const FILLERS = new Set(['at', 'on', 'of', 'the', 'de', 'del', 'um', 'à', 'a', 'le', 'den', 'der', 'el']);

const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** The zone as written ("+02:00", "EST", "GMT-01:01"), or null when none was given (read as UTC). */
  zone: string | null;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Unicode decimal digits (Bengali, Arabic-Indic, fullwidth …) as ASCII: every such run of ten starts at zero. */
function asciiDigits(s: string): string {
  return s.replace(/\p{Nd}/gu, (d) => {
    if (d >= '0' && d <= '9') return d;
    let cp = d.codePointAt(0)!;
    let value = 0;
    while (/\p{Nd}/u.test(String.fromCodePoint(cp - 1)) && value < 9) {
      cp--;
      value++;
    }
    return String(value);
  });
}

function fullYear(written: string): number {
  const n = Number(written);
  if (written.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (written.length === 3) return 1900 + n; // RFC 2822: a three-digit year counts from 1900
  return n;
}

/** The instant, or null when any part is out of range (no rolling 31 June into July). */
function instant(p: Parts): string | null {
  const { year, month, day, hour, minute, second, ms } = p;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  const endOfDay = hour === 24 && minute === 0 && second === 0 && ms === 0; // ISO 8601's 24:00, the next midnight
  if ((hour > 23 && !endOfDay) || minute > 59 || second > 60) return null;
  let offset = 0;
  if (p.zone !== null) {
    const found = zoneOffsetMinutes(p.zone, { year, month, day, hour });
    if (found === null) return null;
    offset = found;
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offset * 60_000).toISOString();
}

const fraction = (digits: string | undefined) => (digits ? Math.round(Number(`0.${digits}`) * 1000) : 0);

const ZONE = String.raw`Z|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{1,5}`;
const ISO = new RegExp(
  String.raw`^(?<y>\d{4})(?:-(?<m>\d{1,2})-(?<d>\d{1,2})|\/(?<sm>\d{1,2})\/(?<sd>\d{1,2})|(?<bm>\d{2})(?<bd>\d{2}))` +
    String.raw`(?:(?:T|\s+)(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d+))?)?|(?<bh>\d{2})(?<bmi>\d{2})(?:(?<bs>\d{2})(?:[.,](?<bf>\d+))?)?))?` +
    String.raw`\s*(?<z>${ZONE})?$`,
  'i',
);

function iso(v: string): Parts | null | undefined {
  const g = ISO.exec(v)?.groups;
  if (!g) {
    const month = /^(\d{4})-(\d{2})$|^(\d{4})\/(\d{1,2})$/.exec(v); // W3CDTF's year and month: its first day
    return month ? { year: Number(month[1] ?? month[3]), month: Number(month[2] ?? month[4]), day: 1, hour: 0, minute: 0, second: 0, ms: 0, zone: null } : undefined;
  }
  return {
    year: Number(g.y),
    month: Number(g.m ?? g.sm ?? g.bm),
    day: Number(g.d ?? g.sd ?? g.bd),
    hour: Number(g.h ?? g.bh ?? 0),
    minute: Number(g.mi ?? g.bmi ?? 0),
    second: Number(g.s ?? g.bs ?? 0),
    ms: fraction(g.f ?? g.bf),
    zone: g.z ?? null,
  };
}

/** Day, month and year in digits: dots are day-first; slashes only when one part cannot be a month. */
function numeric(v: string): Parts | null | undefined {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\.?(?:,?\s+(.*))?$/.exec(v);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  let day: number;
  let month: number;
  // Dots are day-first where they are written (16.03.2020) unless that cannot be (Wired's 01.21.2020).
  if (a > 12 || a === b || (m[2] === '.' && b <= 12)) [day, month] = [a, b];
  else if (b > 12) [day, month] = [b, a];
  else return null; // 03/01/2020 is March in one country and January in another
  const time = m[5] ? clock(m[5]) : { hour: 0, minute: 0, second: 0, ms: 0, zone: null };
  return time ? { year: fullYear(m[4]!), month, day, ...time } : null;
}

type Clock = Pick<Parts, 'hour' | 'minute' | 'second' | 'ms' | 'zone'>;

/** "10:00:05.250 PM EST", "08:49 +0100", "23:59" — a time of day and an optional zone. */
function clock(s: string): Clock | null {
  const m = /^(\d{1,2})(?::|h)(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([ap])\.?m\.?)?(?:\s*(.+))?$/i.exec(s.trim());
  if (!m) return null;
  let hour = Number(m[1]);
  if (m[5]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[5].toLowerCase() === 'p' ? 12 : 0);
  }
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0), ms: fraction(m[4]), zone: m[6]?.trim() || null };
}

/**
 * Dates written with a month name, in whatever order: "Sun, 06 Nov 1994 08:49:37 GMT", "Nov 6, 1994 8:49 am
 * PST", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Wed Jun 10 2009 10:00:00 GMT+0200 (CEST)".
 */
function written(v: string): Parts | null | undefined {
  const tokens = v
    .replace(/\([^)]*\)\s*$/, '') // Date#toString's "(Central European Summer Time)"
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/(\d{1,2})-([a-zà-ü]{3,})-(\d{2,4})/gi, '$1 $2 $3')
    .split(/[\s,]+/)
    .filter(Boolean);
  let month: number | null = null;
  const numbers: string[] = [];
  let time: string | null = null;
  const zone: string[] = [];
  for (const raw of tokens) {
    const t = raw.toLowerCase().replace(/\.$/, '');
    if (time !== null && !/^\d{4}$/.test(t)) {
      zone.push(raw); // everything after the time but a trailing year (asctime) is the meridiem and the zone
      continue;
    }
    if (MONTHS.has(t) && month === null) month = MONTHS.get(t)!;
    else if (/^\d{1,2}:\d{2}/.test(t) || /^\d{1,2}h\d{2}$/.test(t)) time = raw;
    else if (/^\d{1,4}$/.test(t)) numbers.push(t);
    else if (!WEEKDAYS.has(t) && !FILLERS.has(t)) return undefined;
  }
  if (month === null || numbers.length !== 2) return month === null ? undefined : null;
  const yearAt = numbers.findIndex((n) => n.length >= 3);
  const [day, year] = yearAt === 0 ? [numbers[1]!, numbers[0]!] : [numbers[0]!, numbers[1]!];
  if (day.length > 2) return null;
  const at = time ? clock([time, ...zone].join(' ')) : { hour: 0, minute: 0, second: 0, ms: 0, zone: zone.join(' ') || null };
  return at ? { year: fullYear(year), month, day: Number(day), ...at } : null;
}

const MONTH_WORD = `(?:${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
/** Date-like runs inside running text, most specific first: ISO, a month name with day and year, digits. */
const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?${MONTH_WORD},?\s+(?:de\s+)?\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?`,
    String.raw`\b${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?`,
    String.raw`\b\d{1,2}[./]\d{1,2}[./]\d{4}\b(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?`,
  ].join('|'),
  'giu',
);

/**
 * The first date written inside a piece of text ("Published on May 10, 2022 01:52 PM"), or null; with
 * `startsBy`, only a date that starts within that many characters.
 */
export function findDate(text: string, startsBy = Infinity): string | null {
  for (const m of asciiDigits(text.slice(0, 2000)).matchAll(DATE_IN_TEXT)) {
    if (m.index > startsBy) break;
    const date = parseDate(m[0]);
    if (date) return date;
  }
  return null;
}

/** An ISO 8601 instant (UTC) for a date written in any common feed or page form, or null. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) && value.getUTCFullYear() >= MIN_YEAR && value.getUTCFullYear() <= MAX_YEAR ? value.toISOString() : null;
  }
  if (typeof value !== 'string') return null;
  const v = asciiDigits(value.trim().replace(/\s+/g, ' '));
  if (!v || v.length > 80) return null;
  for (const read of [iso, numeric, written]) {
    const parts = read(v);
    if (parts !== undefined) return parts && instant(parts);
  }
  return null;
}
