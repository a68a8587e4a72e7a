// Telegram's send limits, kept on our side so the server never has to answer 429: about one message a second
// in one chat, twenty a minute in one group, thirty a second in all. telegraf neither throttles nor retries.
// Every window is anchored on when answers came back, not on when requests left: see GlobalGate.

export interface SendLimits {
  /** Messages per second in one chat. */
  perChatPerSecond: number;
  /** Messages per minute in one group or supergroup. */
  perGroupPerMinute: number;
  /** Messages per second across every chat. */
  globalPerSecond: number;
  /** Added to every window as a safety allowance (clock granularity); costs about marginMs/1000 of the rate. */
  marginMs: number;
}

export const DEFAULT_SEND_LIMITS = {
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
  globalPerSecond: 30,
  marginMs: 5,
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

interface InFlight {
  /** When the answer came back, or null while the request is out. */
  doneAt: number | null;
  settled: Promise<void>;
  settle: () => void;
}

/**
 * The overall limit, counted so that it holds however late requests reach the server: a send is allowed one
 * window after the *answer* to the send `limit` places before it. The server saw that request before it
 * answered, so no window on its clock ever holds more than `limit` (network and event-loop jitter only cost
 * rate, never a 429). Callers wait in one FIFO line and go on an even grid of slots, a steady stream rather
 * than bursts; slots a late timer missed are made up at once, as far as the window allows.
 */
export class GlobalGate {
  private readonly ring: InFlight[] = [];
  private head = 0;
  private readonly windowMs: number;
  private readonly intervalMs: number;
  private readonly waiters: ((done: () => void) => void)[] = [];
  private nextSlot = -Infinity;
  private pumping = false;

  constructor(
    private readonly limit: number,
    marginMs: number,
    private readonly timer: Timer = realTimer,
  ) {
    this.windowMs = 1000 + marginMs;
    this.intervalMs = this.windowMs / limit;
  }

  /** Resolves when one more request may go; call the function it gives once the request has settled. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    while (this.waiters.length) {
      const now = this.timer.now();
      // After a quiet spell the grid starts again from now: idle time is not credit for a burst.
      if (this.nextSlot < now - this.windowMs) this.nextSlot = now;
      let at = this.nextSlot;
      const oldest = this.ring.length === this.limit ? this.ring[this.head]! : null;
      if (oldest) {
        if (oldest.doneAt === null) {
          await oldest.settled;
          continue;
        }
        at = Math.max(at, oldest.doneAt + this.windowMs);
      }
      if (at > now) {
        await this.timer.sleep(at - now);
        continue;
      }
      let settle!: () => void;
      const entry: InFlight = { doneAt: null, settled: new Promise<void>((r) => (settle = r)), settle: () => undefined };
      entry.settle = () => {
        if (entry.doneAt !== null) return;
        entry.doneAt = this.timer.now();
        settle();
      };
      if (oldest) {
        this.ring[this.head] = entry;
        this.head = (this.head + 1) % this.limit;
      } else this.ring.push(entry);
      this.nextSlot += this.intervalMs;
      this.waiters.shift()!(entry.settle);
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
