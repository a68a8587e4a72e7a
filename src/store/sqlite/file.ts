// The SQLite file as the process found it at start. A database file deleted or replaced while the service
// runs would otherwise go unnoticed: SQLite keeps writing to the unlinked file, every answer says "done", and
// all of it is gone at the next start. A damaged file is refused at start instead of read as empty.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { TidingsError } from '../../core/errors';

export const storeFault = (message: string) => new TidingsError('store/unavailable', message);

/** Refuses a file that is not a SQLite database or fails SQLite's quick_check, naming it. */
export function checkDatabaseFile(sqlite: Sqlite.Database, path: string): void {
  const where = resolve(path);
  let result: string;
  try {
    result = (sqlite.pragma('quick_check(1)', { simple: true }) as string) ?? 'no answer';
  } catch (err) {
    result = (err as Error).message;
  }
  // SQLite's report may span lines and open with a banner: one line of its substance.
  const finding = result.replace(/\*\*\* in database \w+ \*\*\*/g, '').replace(/\s+/g, ' ').trim();
  if (result !== 'ok') throw storeFault(`the database file ${where} is damaged (${finding}); restore it from a backup, or move it away to start with an empty one`);
}

/** The file's identity (device and inode), or null when it is not there. */
function identityOf(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export interface FileWatch {
  /** Throws (and reports once) when the file is no longer the one opened. */
  check(): void;
  stop(): void;
}

/**
 * Watches the opened file: checked before every statement and every few seconds, so a lost file stops the
 * writes at once and `onLost` is told even when the service is idle.
 */
export function watchDatabaseFile(path: string, onLost: (fault: TidingsError) => void, everyMs = 2_000): FileWatch {
  const where = resolve(path);
  const opened = identityOf(where);
  let lost: TidingsError | null = null;
  const check = () => {
    if (lost) throw lost;
    const now = identityOf(where);
    if (now === opened) return;
    lost = storeFault(`the database file ${where} was ${now === null ? 'deleted' : 'replaced by another file'} while running; stopping so that nothing more is lost`);
    onLost(lost);
    throw lost;
  };
  const timer = setInterval(() => {
    try {
      check();
    } catch {
      clearInterval(timer);
    }
  }, everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
