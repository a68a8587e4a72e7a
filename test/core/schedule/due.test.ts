import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/core/model';
import { dueAfter, dueDigest, nextDueAt } from '../../../src/core/schedule/due';

const sub = (patch: Partial<Subscription> = {}): Subscription => ({
  id: 's', target: { platform: 'test', chatId: 'c' }, time: '08:00', timezone: 'Europe/Kyiv', topics: [], maxStories: 5,
  quotes: true, sendEmpty: true, active: true, coveredUntil: null, createdAt: '2026-01-10T05:59:00.000Z', ...patch,
});
const at = (iso: string) => Date.parse(iso);

describe('dueDigest', () => {
  it('a subscription made a minute before its time gets that day’s digest', () => {
    expect(dueDigest(sub(), at('2026-01-10T05:59:30Z'))).toBeNull();
    expect(dueDigest(sub(), at('2026-01-10T06:00:00Z'))).toEqual({ scheduledAt: at('2026-01-10T06:00:00Z'), periodKey: '2026-01-10' });
  });

  it('is done once a digest covered the occurrence', () => {
    const covered = sub({ coveredUntil: '2026-01-10T06:00:30.000Z' });
    expect(dueDigest(covered, at('2026-01-10T09:00:00Z'))).toBeNull();
    expect(dueDigest(covered, at('2026-01-11T06:00:00Z'))?.periodKey).toBe('2026-01-11');
  });

  it('is due within the grace period only, and never for an inactive subscription', () => {
    const old = sub({ coveredUntil: '2026-01-01T05:58:00.000Z' });
    expect(dueDigest(old, at('2026-01-10T17:59:00Z'))?.periodKey).toBe('2026-01-10');
    expect(dueDigest(old, at('2026-01-10T18:01:00Z'))).toBeNull();
    expect(dueDigest(old, at('2026-01-10T07:00:00Z'), 30 * 60_000)).toBeNull();
    expect(dueDigest({ ...old, active: false }, at('2026-01-10T06:30:00Z'))).toBeNull();
  });

  it('names the period by the local date, which may differ from the UTC date', () => {
    const tokyo = sub({ timezone: 'Asia/Tokyo', time: '07:00', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(dueDigest(tokyo, at('2026-01-09T22:00:00Z'))?.periodKey).toBe('2026-01-10');
  });

  it('stores the instant it becomes due: found due exactly from then on, across a DST change', () => {
    // Kyiv moves its clocks forward on 2026-03-29: 08:00 is 06:00Z the day before and 05:00Z that day.
    const s = sub({ coveredUntil: '2026-03-28T06:00:10.000Z' });
    const due = nextDueAt(s)!;
    expect(due).toBe('2026-03-29T05:00:00.000Z');
    expect(dueDigest(s, at(due) - 60_000)).toBeNull();
    expect(dueDigest(s, at(due))?.periodKey).toBe('2026-03-29');
    expect(nextDueAt(sub())).toBe('2026-01-10T06:00:00.000Z'); // new: its creation, a minute before 08:00
    expect(nextDueAt({ ...s, active: false })).toBeNull();
  });

  it('is due next at the following occurrence when a due one needs no digest', () => {
    expect(dueAfter(sub({ timezone: 'America/New_York' }), at('2026-10-31T12:30:00Z'))).toBe('2026-11-01T13:00:00.000Z') // 08:00 EDT, then 08:00 EST;
  });
});
