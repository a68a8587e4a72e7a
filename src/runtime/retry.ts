// Start-up against servers that may be down for a moment (Redis, a platform's API): transient failures are
// tried again with a doubling pause, and a stop request (SIGTERM, Ctrl-C) ends the wait at once instead of
// being held until the server answers.
import type { Logger } from '../core/ports';

/** Start-up was stopped by a signal before it finished: not a failure, the process exits 0. */
export class StartAborted extends Error {
  constructor() {
    super('start-up stopped by a signal');
  }
}

/** `p`, or a StartAborted rejection as soon as `signal` fires (the work behind `p` is left to its own close). */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(new StartAborted());
    const onAbort = () => reject(new StartAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface RetryOptions {
  /** Whether a failure may go away by itself (a 502, a refused connection); anything else is thrown at once. */
  transient(err: unknown): boolean;
  log: Logger;
  /** What is being tried, for the log line. */
  what: string;
  signal?: AbortSignal;
  /** The first pause; each next one doubles, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

const pause = (ms: number, signal: AbortSignal | undefined) =>
  untilAborted(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
    signal,
  );

/** Runs `step` until it succeeds, pausing after each transient failure; stops with StartAborted on a signal. */
export async function retryTransient<T>(step: () => Promise<T>, o: RetryOptions): Promise<T> {
  const first = o.firstDelayMs ?? 1_000;
  const max = o.maxDelayMs ?? 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await untilAborted(step(), o.signal);
    } catch (err) {
      if (err instanceof StartAborted || !o.transient(err)) throw err;
      const pauseMs = Math.min(max, first * 2 ** Math.min(attempt, 16));
      o.log.warn({ err, pauseMs, attempt: attempt + 1 }, `${o.what} failed; trying again after a pause`);
      await pause(pauseMs, o.signal);
    }
  }
}
