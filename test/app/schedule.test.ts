// Scheduled digests against a fake clock, one scheduler minute at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { type World, world } from './helpers';

let w: World;
afterEach(async () => w?.store.close());

describe('daylight saving time', () => {
  it('Europe/Kyiv, 03:30 on the spring day it does not exist: once, at the next valid minute (04:00 EEST)', async () => {
    w = await world('2026-03-28T12:00:00Z');
    await w.subscribe({ time: '03:30', timezone: 'Europe/Kyiv' });
    const sent = await w.runUntil('2026-03-30T12:00:00Z');
    expect(sent).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('Europe/Kyiv, 03:30 on the autumn day it happens twice: once, the first time', async () => {
    w = await world('2026-10-24T12:00:00Z');
    await w.subscribe({ time: '03:30', timezone: 'Europe/Kyiv' });
    const sent = await w.runUntil('2026-10-26T12:00:00Z');
    expect(sent).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('America/New_York, 02:30 in the spring gap and 01:30 in the autumn overlap: once each day', async () => {
    w = await world('2026-03-07T12:00:00Z');
    await w.subscribe({ time: '02:30', timezone: 'America/New_York', target: { platform: 'test', chatId: 'spring' } });
    expect(await w.runUntil('2026-03-09T12:00:00Z')).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);

    await w.store.close();
    w = await world('2026-10-31T12:00:00Z');
    await w.subscribe({ time: '01:30', timezone: 'America/New_York', target: { platform: 'test', chatId: 'autumn' } });
    expect(await w.runUntil('2026-11-02T12:00:00Z')).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
});

describe('changing the schedule', () => {
  it('a new zone counts from the next minute, without a restart', async () => {
    w = await world('2026-01-10T04:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'Europe/Kyiv' }); // 06:00Z
    // At 06:00 Kyiv the chat moves to New York, before its Kyiv digest.
    await w.store.saveSubscription({ ...sub, timezone: 'America/New_York' });
    expect(await w.runUntil('2026-01-11T14:00:00Z')).toEqual(['2026-01-10T13:00:00.000Z', '2026-01-11T13:00:00.000Z']);
  });

  it('a zone change after the day’s digest does not send a second one for the same local day', async () => {
    w = await world('2026-01-10T05:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'Europe/Kyiv' });
    expect(await w.runUntil('2026-01-10T07:00:00Z')).toEqual(['2026-01-10T06:00:00.000Z']);
    // A stale copy of the subscription (read before the digest) is saved by a command: the window stays.
    await w.store.saveSubscription({ ...sub, timezone: 'America/New_York' });
    expect((await w.store.getSubscriptionById(sub.id))!.coveredUntil).toBe('2026-01-10T06:00:00.000Z');
    expect(await w.runUntil('2026-01-11T14:00:00Z')).toEqual(['2026-01-11T13:00:00.000Z']);
  });

  it('a new time of day takes effect the same day', async () => {
    w = await world('2026-01-10T05:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'UTC' });
    await w.store.saveSubscription({ ...sub, time: '06:15' });
    expect(await w.runUntil('2026-01-10T09:00:00Z')).toEqual(['2026-01-10T06:15:00.000Z']);
  });
});

describe('after downtime', () => {
  it('three days down: exactly one catch-up digest on return, then the normal schedule', async () => {
    w = await world('2026-02-01T07:00:00Z');
    const sub = await w.subscribe({ time: '08:00', timezone: 'UTC' });
    expect(await w.runUntil('2026-02-01T09:00:00Z')).toEqual(['2026-02-01T08:00:00.000Z']);
    await w.article({ title: 'Written while the bot was down' });
    // Down from 09:00 on day 1 to 10:00 on day 4: three scheduled times missed.
    w.clock.set('2026-02-04T10:00:00Z');
    expect(await w.runUntil('2026-02-05T09:00:00Z')).toEqual(['2026-02-04T10:00:00.000Z', '2026-02-05T08:00:00.000Z']);
    const rows = await w.store.listDeliveries(sub.id);
    expect(rows.map((r) => r.periodKey)).toEqual(['2026-02-01', '2026-02-04', '2026-02-05']);
    // The catch-up covers everything since the last digest.
    expect(rows[1]!.digest.since).toBe('2026-02-01T08:00:00.000Z'); // the first digest's until: the instant it was built
    expect(rows[1]!.digest.entries.map((e) => e.headline)).toEqual(['Written while the bot was down']);
  });

  it('back before the day’s time: no catch-up for the past days, the day’s digest at its time', async () => {
    w = await world('2026-02-01T07:00:00Z');
    await w.subscribe({ time: '08:00', timezone: 'UTC' });
    await w.runUntil('2026-02-01T09:00:00Z');
    w.clock.set('2026-02-04T06:00:00Z');
    expect(await w.runUntil('2026-02-04T12:00:00Z')).toEqual(['2026-02-04T08:00:00.000Z']);
  });

  it('back after the grace period (12 h): nothing until the next scheduled time', async () => {
    w = await world('2026-02-01T07:00:00Z');
    await w.subscribe({ time: '08:00', timezone: 'UTC' });
    await w.runUntil('2026-02-01T09:00:00Z');
    w.clock.set('2026-02-04T20:01:00Z');
    expect(await w.runUntil('2026-02-05T09:00:00Z')).toEqual(['2026-02-05T08:00:00.000Z']);
  });
});
