// Small helpers of the fetcher: a per-host concurrency gate and the parsing of Retry-After / Cache-Control.

/** At most `limit` requests in flight to one host; the rest wait their turn in order. */
export class HostGate {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  constructor(private readonly limit: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.get(host)?.shift();
      if (next) next(); // the slot passes straight to the next in line
      else {
        const n = (this.active.get(host) ?? 1) - 1;
        if (n > 0) this.active.set(host, n);
        else this.active.delete(host);
        this.waiting.delete(host);
      }
    }
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** max-age (or s-maxage) of Cache-Control as milliseconds; null when absent or when caching is refused. */
export function maxAgeMs(value: string | undefined): number | null {
  if (!value) return null;
  const m = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/i.exec(value);
  return m ? Number(m[1]) * 1000 : null;
}
