// The overall limit on a virtual clock: requests that reach the server late and out of step still never put
// more than the limit into any one-second window on the server's clock, and the gate keeps close to the rate.
import { describe, expect, it } from 'vitest';
import { GlobalGate, SlidingWindow, type Timer } from '../../../src/adapters/telegram/limiter';

/** Virtual time: sleepers wake in order when the test advances the clock; nothing real waits. */
class VirtualTimer implements Timer {
  private t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];
  now = () => this.t;
  sleep = (ms: number) => new Promise<void>((wake) => this.sleepers.push({ at: this.t + Math.max(0, ms), wake }));
  /** Runs until nothing is pending: settles microtasks, then wakes the earliest sleeper. */
  async run(): Promise<void> {
    for (;;) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.wake();
    }
  }
}

function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('GlobalGate', () => {
  it('keeps every server-side second within the limit however the requests are delayed', async () => {
    const timer = new VirtualTimer();
    const limit = 30;
    const gate = new GlobalGate(limit, 5, timer);
    const rnd = random(7);
    const arrivals: number[] = [];
    const requests = 600;
    const done = Promise.all(
      Array.from({ length: requests }, async () => {
        const settled = await gate.acquire();
        // The request travels 0–80 ms to the server; the answer takes as long again.
        const there = rnd() * 80;
        await timer.sleep(there);
        arrivals.push(timer.now());
        await timer.sleep(rnd() * 80);
        settled();
      }),
    );
    await timer.run();
    await done;
    arrivals.sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i]! - arrivals[j]! >= 1000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(limit);
    // The price of that guarantee is at most the round trip per window: here up to 160 ms a second.
    const rate = (requests - 1) / ((arrivals[arrivals.length - 1]! - arrivals[0]!) / 1000);
    expect(rate).toBeGreaterThan(limit * (1000 / (1000 + 5 + 160)));
  });
});

describe('SlidingWindow', () => {
  it('allows `limit` events per window and names the instant the next one fits', () => {
    const w = new SlidingWindow(2, 1000);
    expect(w.earliest(0)).toBe(0);
    w.record(0);
    w.record(100);
    expect(w.earliest(200)).toBe(1000);
    w.record(1000);
    expect(w.earliest(1000)).toBe(1100);
    expect(w.last()).toBe(1000);
  });
});
