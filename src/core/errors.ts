// The one error type of Tidings. Expected failures are values (or, in command code, thrown TidingsErrors) with a
// stable code, a sentence a person can read and, where it helps, a hint at what a right input looks like; bugs
// are thrown as plain errors. Every entry point renders a TidingsError the same way: oneLine().

export type ErrorCode =
  /** A setting (environment variable) is wrong or was refused by a platform: exit 2. */
  | 'config/invalid'
  /** A command-line flag or argument is wrong: exit 2. */
  | 'usage/invalid'
  | 'input/not-a-url'
  | 'input/bad-time'
  | 'input/bad-timezone'
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
  /** A web page (an article), not a feed: it can be summarized but not followed. */
  | 'feed/not-a-feed'
  | 'feed/already-added'
  | 'feed/limit'
  | 'feed/unknown'
  | 'source/not-found'
  | 'source/unreadable'
  | 'store/unavailable';

export class TidingsError extends Error {
  override readonly name = 'TidingsError';
  constructor(
    readonly code: ErrorCode,
    /** One sentence for a person: what went wrong. */
    readonly userMessage: string,
    readonly details: Record<string, unknown> = {},
    /** What a right input looks like, or what to do next; null when the message says it all. */
    readonly hint: string | null = null,
  ) {
    super(`${code}: ${userMessage}`);
  }
}

export type Result<T, E = TidingsError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (code: ErrorCode, userMessage: string, details?: Record<string, unknown>, hint?: string | null): Result<never> => ({
  ok: false,
  error: new TidingsError(code, userMessage, details, hint),
});

/** A failure with a hint and no details: the usual shape of a refused input. */
export const refusal = (code: ErrorCode, userMessage: string, hint: string | null = null): TidingsError => new TidingsError(code, userMessage, {}, hint);

/** The error as one line for a person: the message, then the hint. */
export const oneLine = (e: TidingsError): string => (e.hint ? `${e.userMessage} ${e.hint}` : e.userMessage);

/** The process exit code for an error: 2 for a wrong flag or setting (the user can fix it), 1 for a failure at run time. */
export const exitCodeOf = (e: TidingsError): 1 | 2 => (e.code.startsWith('usage/') || e.code.startsWith('config/') ? 2 : 1);

