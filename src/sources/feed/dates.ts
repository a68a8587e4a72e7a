// Dates as feeds write them: RFC 822 with or without a weekday, ISO 8601 with or without a zone or a "T",
// named zones (EST, PDT, MSK), numeric zones without a colon, and two-digit years. Unreadable → null.

const ZONES: Record<string, string> = {
  UT: '+0000', UTC: '+0000', GMT: '+0000', Z: '+0000', EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600',
  PST: '-0800', PDT: '-0700', BST: '+0100', CET: '+0100', CEST: '+0200', EET: '+0200', EEST: '+0300', MSK: '+0300', IST: '+0530', JST: '+0900',
  AEST: '+1000', AEDT: '+1100',
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const valid = (ms: number) => (Number.isFinite(ms) && ms > Date.UTC(1990, 0, 1) && ms < Date.UTC(2200, 0, 1) ? new Date(ms).toISOString() : null);

function rfc822(v: string): string | null | undefined {
  const m = /^(?:[a-z]+,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?/i.exec(v);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const zone = (m[7] ? (ZONES[m[7].toUpperCase()] ?? m[7]) : '+0000').replace(':', '');
  const offset = /^[+-]\d{4}$/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : 0;
  return valid(Date.UTC(year, month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) - offset * 60_000);
}

function iso(v: string): string | null | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[a-z]{2,5})?$/i.exec(v);
  if (!m) return undefined;
  let zone = m[8] ? (ZONES[m[8].toUpperCase()] ?? m[8]) : '+0000';
  if (/^[+-]\d{2}$/.test(zone)) zone += '00';
  zone = zone.replace(':', '');
  const offset = /^[+-]\d{4}$/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : 0;
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  return valid(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms) - offset * 60_000);
}

/** An ISO 8601 instant for a date written in any common feed form, or null. */
export function parseFeedDate(value: unknown): string | null {
  if (value instanceof Date) return valid(value.getTime());
  if (typeof value !== 'string') return null;
  const v = value.trim().replace(/\s+/g, ' ');
  if (!v) return null;
  // A form we recognize but with impossible values (year 0001) is null, not a guess by Date.parse.
  const known = iso(v);
  if (known !== undefined) return known;
  const mail = rfc822(v);
  return mail !== undefined ? mail : valid(Date.parse(v));
}
