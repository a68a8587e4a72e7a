import { describe, expect, it } from 'vitest';
import { instantOf, lastOccurrence, localDate, nextOccurrence } from '../../../src/core/schedule/occurrence';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('instantOf', () => {
  it('places a normal day in winter and summer time (Europe/Kyiv: UTC+2, then UTC+3)', () => {
    expect(iso(instantOf(day('2026-01-15'), '08:00', 'Europe/Kyiv'))).toBe('2026-01-15T06:00:00.000Z');
    expect(iso(instantOf(day('2026-07-15'), '08:00', 'Europe/Kyiv'))).toBe('2026-07-15T05:00:00.000Z');
  });

  it('moves a time that does not exist (Kyiv springs 03:00 → 04:00 on 29 Mar 2026) to the next valid minute', () => {
    expect(iso(instantOf(day('2026-03-29'), '03:30', 'Europe/Kyiv'))).toBe('2026-03-29T01:00:00.000Z'); // 04:00 EEST
  });

  it('takes the first of a time that happens twice (Kyiv falls 04:00 → 03:00 on 25 Oct 2026)', () => {
    expect(iso(instantOf(day('2026-10-25'), '03:30', 'Europe/Kyiv'))).toBe('2026-10-25T00:30:00.000Z'); // 03:30 EEST
  });

  it('handles New York: 02:30 missing on 8 Mar 2026, 01:30 twice on 1 Nov 2026', () => {
    expect(iso(instantOf(day('2026-03-08'), '02:30', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    expect(iso(instantOf(day('2026-11-01'), '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });

  it('works at the edges of the offset range', () => {
    expect(iso(instantOf(day('2026-06-01'), '00:15', 'Pacific/Kiritimati'))).toBe('2026-05-31T10:15:00.000Z');
    expect(iso(instantOf(day('2026-06-01'), '23:45', 'Etc/GMT+12'))).toBe('2026-06-02T11:45:00.000Z');
  });
});

describe('lastOccurrence / nextOccurrence', () => {
  it('walks a day at a time through the New York spring gap', () => {
    const first = nextOccurrence('02:30', 'America/New_York', Date.parse('2026-03-07T12:00:00Z'));
    expect(iso(first)).toBe('2026-03-08T07:00:00.000Z');
    const second = nextOccurrence('02:30', 'America/New_York', first);
    expect(iso(second)).toBe('2026-03-09T06:30:00.000Z');
    expect(lastOccurrence('02:30', 'America/New_York', second - 1)).toBe(first);
  });

  it('uses the local date of the zone, not of UTC', () => {
    expect(localDate(Date.parse('2026-03-08T23:30:00Z'), 'Europe/Kyiv')).toBe('2026-03-09');
    expect(localDate(Date.parse('2026-03-09T03:30:00Z'), 'America/New_York')).toBe('2026-03-08');
  });
});
