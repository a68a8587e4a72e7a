// pino, with every secret (tokens, database passwords) cut out of each line before it is written:
// SDK errors carry request URLs with the bot token in them, so redacting known fields is not enough.
import pino from 'pino';
import { TidingsError } from '../core/errors';
import type { Logger } from '../core/ports';

/** An expected failure is logged as its code and sentence; only bugs carry a stack. */
const errSerializer = (err: unknown) => (err instanceof TidingsError ? { code: err.code, message: err.userMessage } : pino.stdSerializers.err(err as Error));

export function redactor(secrets: string[]): (line: string) => string {
  const needles = secrets.filter((s) => s.length >= 6).flatMap((s) => [s, encodeURIComponent(s)]);
  return (line) => needles.reduce((out, s) => out.split(s).join('[redacted]'), line);
}

export function createLogger(level: string, secrets: string[], out: { write(s: string): unknown } = process.stderr): Logger & pino.Logger {
  const redact = redactor(secrets);
  return pino({ level, base: { app: 'tidings' }, serializers: { err: errSerializer } }, { write: (line: string) => out.write(redact(line)) });
}
