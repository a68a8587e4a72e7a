// Telegram's send limits, kept on our side so the server never has to answer 429: about one message a second
// in one chat, twenty a minute in one group, thirty a second in all. telegraf neither throttles nor retries.

export interface SendLimits {
  /** Messages per second in one chat. */
  perChatPerSecond: number;
  /** Messages per minute in one group or supergroup. */
  perGroupPerMinute: number;
  /** Messages per second across every chat. */
  globalPerSecond: number;
  /**
   * Added to every window, so requests that reach the server a little out of step (network and scheduling
   * jitter) still fit its count. Costs about marginMs/windowMs of the rate.
   */
  marginMs: number;
}

export const DEFAULT_SEND_LIMITS = {
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
  marginMs: 15,
} as const satisfies Required<SendLimits>;

/** At most `limit` events in any window of `windowMs`: remembers the last `limit` event times. */
export class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** The earliest instant at or after `now` when one more event fits. */
  earliest(now: number): number {
    if (this.times.length < this.limit) return now;
    return Math.max(now, this.times[this.head]! + this.windowMs);
  }

  record(at: number): void {
    if (this.times.length < this.limit) this.times.push(at);
    else {
      this.times[this.head] = at;
      this.head = (this.head + 1) % this.limit;
    }
  }

  /** The last recorded event, or -Infinity. */
  last(): number {
    if (!this.times.length) return -Infinity;
    return this.times.length < this.limit ? this.times[this.times.length - 1]! : this.times[(this.head + this.limit - 1) % this.limit]!;
  }
}

export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * The overall limit: callers wait in one FIFO line and are let through as the window allows, evenly spaced
 * (never faster than one per windowMs/limit) so the server sees a steady stream, not bursts.
 */
export class GlobalGate {
  private readonly window: SlidingWindow;
  private readonly spacingMs: number;
  private readonly waiters: (() => void)[] = [];
  private pumping = false;

  constructor(
    perSecond: number,
    marginMs: number,
    private readonly timer: Timer = realTimer,
  ) {
    const windowMs = 1000 + marginMs;
    this.window = new SlidingWindow(perSecond, windowMs);
    this.spacingMs = (windowMs / perSecond) * 0.5;
  }

  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    while (this.waiters.length) {
      const now = this.timer.now();
      const at = Math.max(this.window.earliest(now), this.window.last() + this.spacingMs);
      if (at > now) {
        await this.timer.sleep(at - now);
        continue;
      }
      this.window.record(now);
      this.waiters.shift()!();
    }
    this.pumping = false;
  }
}

/** One chat's own limits (and a group's per-minute one). Used only by that chat's lane, one send at a time. */
export class ChatPace {
  private readonly perChat: SlidingWindow;
  private readonly perGroup: SlidingWindow | null;

  constructor(limits: SendLimits, isGroup: boolean) {
    this.perChat = new SlidingWindow(Math.max(1, Math.round(limits.perChatPerSecond)), 1000 + limits.marginMs);
    this.perGroup = isGroup ? new SlidingWindow(limits.perGroupPerMinute, 60_000 + limits.marginMs) : null;
  }

  earliest(now: number): number {
    return Math.max(this.perChat.earliest(now), this.perGroup?.earliest(now) ?? now);
  }

  record(at: number): void {
    this.perChat.record(at);
    this.perGroup?.record(at);
  }

  lastSent(): number {
    return this.perChat.last();
  }
}
