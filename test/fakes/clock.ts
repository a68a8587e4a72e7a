// A clock the test moves by hand: time stands still until the test says otherwise.
import type { Clock } from '../../src/core/ports';

export class FakeClock implements Clock {
  private ms: number;

  constructor(start: string | number | Date) {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(at: string | number | Date): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  advanceMinutes(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}
