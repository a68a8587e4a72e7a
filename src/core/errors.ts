// Expected failures are values with a stable code and a sentence a chat user can read; bugs are thrown.

export type ErrorCode =
  | 'config/invalid'
  | 'usage/invalid'
  | 'input/empty'
  | 'input/not-a-url'
  | 'input/bad-time'
  | 'input/bad-timezone'
  | 'input/bad-number'
  | 'input/not-text'
  | 'input/too-large'
  | 'fetch/timeout'
  | 'fetch/too-large'
  | 'fetch/blocked-address'
  | 'fetch/bad-url'
  | 'fetch/http-status'
  | 'fetch/network'
  | 'fetch/too-many-redirects'
  | 'fetch/rate-limited'
  | 'feed/unparseable'
  | 'feed/not-found'
  | 'feed/empty'
  | 'source/not-found'
  | 'source/unreadable'
  | 'store/conflict'
  | 'store/unavailable'
  | 'auth/not-admin'
  | 'command/unknown';

export class TidingsError extends Error {
  override readonly name = 'TidingsError';
  constructor(
    readonly code: ErrorCode,
    /** One sentence for a person: what went wrong and, where it helps, what a right input looks like. */
    readonly userMessage: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${userMessage}`);
  }
}

export type Result<T, E = TidingsError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: ErrorCode, userMessage: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: new TidingsError(code, userMessage, details),
});
