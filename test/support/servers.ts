// The PostgreSQL and Redis servers the tests use (.ci/run starts them when they are not running).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Key prefixes of the test's own on the shared Redis: `next()` gives a new one, `removeAll()` deletes every key
 * under those given (call it in afterAll), so no test leaves keys behind.
 */
export function redisKeyPrefixes(): { next(): string; removeAll(): Promise<void> } {
  const given: string[] = [];
  return {
    next() {
      const prefix = `tidings-test-${randomUUID()}`;
      given.push(prefix);
      return prefix;
    },
    async removeAll() {
      for (const p of given.splice(0)) await removeRedisKeys(p);
    },
  };
}

/** Deletes every key under `prefix` on the test Redis; returns how many there were. */
export async function removeRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}
