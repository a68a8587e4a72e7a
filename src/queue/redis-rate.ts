// A send rate shared through Redis (queue mode): every worker takes its places from one sorted set per key,
// in a Lua script, so the check and the take are one atomic step and the time is the Redis server's (no
// clock skew between workers). A member's score is when its request was answered; while the request is
// out, its score is "now + hold", so it counts in every window until it is answered (or, for a process
// killed mid-request, until `holdMs` has passed and the place falls out of the window on its own).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RateSlot, SharedRate } from '../core/ports';

// KEYS[1] the rate's set; ARGV limit, windowMs, holdMs, member. Returns 0 when taken, else ms to wait.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + hold, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window + hold)
  return 0
end
local oldest = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
if oldest > now then return 20 end
return math.max(1, oldest + window - now)
`;

// KEYS[1] the rate's set; ARGV member, windowMs: the request was answered now.
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
end
return 0
`;

type Scripted = Redis & {
  tidingsTake(key: string, limit: number, windowMs: number, holdMs: number, member: string): Promise<number>;
  tidingsRelease(key: string, member: string, windowMs: number): Promise<number>;
};

export interface RedisRateOptions {
  /** Key prefix: several deployments (or test runs) can share one Redis. */
  prefix?: string;
  /** How long a place taken by a request that never reported back (its process died) counts as in flight. */
  holdMs?: number;
}

export class RedisRate implements SharedRate {
  private readonly redis: Scripted;
  private readonly prefix: string;
  private readonly holdMs: number;
  private readonly me = randomUUID();
  private counter = 0;

  constructor(redisUrl: string, options: RedisRateOptions = {}) {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    redis.defineCommand('tidingsTake', { numberOfKeys: 1, lua: TAKE });
    redis.defineCommand('tidingsRelease', { numberOfKeys: 1, lua: RELEASE });
    redis.on('error', () => undefined); // ioredis reconnects; a take meanwhile waits for it
    this.redis = redis as Scripted;
    this.prefix = `${options.prefix ?? 'tidings'}:rate:`;
    this.holdMs = options.holdMs ?? 5_000;
  }

  async take(key: string, limit: number, windowMs: number): Promise<RateSlot | number> {
    const full = this.prefix + key;
    const member = `${this.me}:${++this.counter}`;
    const wait = await this.redis.tidingsTake(full, limit, windowMs, this.holdMs, member);
    if (wait > 0) return wait;
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        // A place whose answer cannot be recorded stays counted until its hold ends: slower, never over.
        await this.redis.tidingsRelease(full, member, windowMs).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
