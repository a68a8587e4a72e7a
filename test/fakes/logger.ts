// A logger that keeps what it was told, for tests that check a warning was given.
import type { Logger } from '../../src/core/ports';

export class MemoryLogger implements Logger {
  readonly lines: { level: string; obj: object | string; msg?: string }[] = [];
  debug = (obj: object | string, msg?: string) => void this.lines.push({ level: 'debug', obj, msg });
  info = (obj: object | string, msg?: string) => void this.lines.push({ level: 'info', obj, msg });
  warn = (obj: object | string, msg?: string) => void this.lines.push({ level: 'warn', obj, msg });
  error = (obj: object | string, msg?: string) => void this.lines.push({ level: 'error', obj, msg });
}
