// The send rate shared through Redis: two processes' worth of senders (two RedisRate instances, each with its
// own connection) together never put more than `limit` requests into any window on the platform's clock.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type SharedRate, takeShared } from '../../src/core/ports';
import { RedisRate } from '../../src/queue/redis-rate';
import { REDIS_URL, redisKeyPrefixes } from '../support/servers';

const prefixes = redisKeyPrefixes();
const freshPrefix = () => prefixes.next();
afterAll(() => prefixes.removeAll());

const LIMIT = 10;
const WINDOW_MS = 250;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `senders` concurrent loops on each rate send `each` requests to a platform that notes when each one arrives. */
async function run(rates: SharedRate[], senders: number, each: number): Promise<number[]> {
  const arrivals: number[] = [];
  const platform = async () => {
    await sleep(Math.random() * 5); // the way there
    arrivals.push(performance.now());
    await sleep(Math.random() * 5); // the answer's way back
  };
  await Promise.all(
    rates.flatMap((rate) =>
      Array.from({ length: senders }, async () => {
        for (let i = 0; i < each; i++) {
          const slot = await takeShared(rate, 'test:global', LIMIT, WINDOW_MS, sleep);
          try {
            await platform();
          } finally {
            await slot.release();
          }
        }
      }),
    ),
  );
  return arrivals.sort((a, b) => a - b);
}

/** The most arrivals in any window of `windowMs` (less a millisecond of clock granularity). */
function busiestWindow(arrivals: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while (arrivals[i]! - arrivals[j]! >= windowMs - 2) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('RedisRate', () => {
  it('keeps two processes together within one rate', async () => {
    const prefix = freshPrefix();
    const rates = [new RedisRate(REDIS_URL, { prefix }), new RedisRate(REDIS_URL, { prefix })];
    try {
      const arrivals = await run(rates, 6, 8);
      expect(arrivals).toHaveLength(96);
      expect(busiestWindow(arrivals, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
      expect(busiestWindow(arrivals, WINDOW_MS)).toBeGreaterThanOrEqual(LIMIT / 2); // and uses it
    } finally {
      await Promise.all(rates.map((r) => r.close()));
    }
  });

  it('(the same load on two unshared rates goes over: the check above can fail)', async () => {
    const rates = [new RedisRate(REDIS_URL, { prefix: freshPrefix() }), new RedisRate(REDIS_URL, { prefix: freshPrefix() })];
    try {
      expect(busiestWindow(await run(rates, 6, 8), WINDOW_MS)).toBeGreaterThan(LIMIT);
    } finally {
      await Promise.all(rates.map((r) => r.close()));
    }
  });

  it('counts a place whose request never reported back until its hold ends, then frees it', async () => {
    const prefix = freshPrefix();
    const dead = new RedisRate(REDIS_URL, { prefix, holdMs: 300 });
    const alive = new RedisRate(REDIS_URL, { prefix });
    try {
      // A process that took the only place and died before its answer came.
      expect(typeof (await dead.take('test:one', 1, 100))).toBe('object');
      await dead.close();
      const wait = await alive.take('test:one', 1, 100);
      expect(typeof wait).toBe('number');
      const redis = new Redis(REDIS_URL);
      const ttl = await redis.pttl(`${prefix}:rate:test:one`);
      redis.disconnect();
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(400); // window + hold: gone by then, whoever asks
    } finally {
      await alive.close();
    }
  });
});
