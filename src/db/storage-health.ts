/**
 * Storage failures (disk or database full, read-only database or mount, I/O errors) told apart
 * from bugs, so callers answer "nothing was saved, fix the storage" instead of a generic 500, and
 * real write probes of the data dir and the database for `/readyz` and start-up.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './client';

const SQLITE_STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;
const ERRNO_STORAGE_CODES = new Set(['ENOSPC', 'EROFS', 'EDQUOT', 'EACCES', 'EPERM', 'EIO']);

/**
 * The storage reason of `error` (SQLite's message, e.g. "database or disk is full"), following
 * `cause` (drizzle wraps driver errors); null when it is not a storage failure.
 */
export function storageFailureReason(error: unknown): string | null {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SQLITE_STORAGE_CODES.test(code) || ERRNO_STORAGE_CODES.has(code)) return String(e.message ?? code);
  }
  return null;
}

/** The API's message for a write refused by storage: what happened, that nothing was saved, the fix. */
export function storageFailureMessage(reason: string): string {
  return `Turno cannot write to its database (${reason}). Nothing was saved: free disk space or make the data dir and database writable, then retry.`;
}

/**
 * Inserts an 8 KB row (a few pages) inside a savepoint and rolls it back: catches a full database
 * (including a `max_page_count` limit), a read-only connection (`query_only`) or file, and I/O
 * errors, none of which a file write in the data dir shows. Returns the problem, or null.
 */
export function databaseWriteProbe(db: Db): string | null {
  const sqlite = db.$client;
  try {
    sqlite.exec('SAVEPOINT turno_write_probe');
  } catch (error) {
    return `database cannot be written: ${(error as Error).message}`;
  }
  try {
    sqlite.query("INSERT INTO settings (key, value, updated_at) VALUES ('turno.write-probe', json_quote(hex(zeroblob(4096))), 0)").run();
    return null;
  } catch (error) {
    return `database cannot be written: ${(error as Error).message}`;
  } finally {
    // SQLITE_FULL can roll the whole transaction back already: then there is no savepoint left.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK TO turno_write_probe; RELEASE turno_write_probe');
  }
}

/**
 * Writes, syncs and removes a small file in the data dir: catches a read-only mount, a full disk
 * and permissions that `access(W_OK)` reports as fine (it always does for root). Returns the
 * problem, or null when the write worked.
 */
export function writeProbe(dataDir: string): string | null {
  const file = join(dataDir, '.turno-write-probe');
  try {
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, `ready ${Date.now()}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unlinkSync(file);
    return null;
  } catch (error) {
    return `data dir is not writable (${dataDir}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
}

/**
 * Creates the data dir if needed and proves it writable; throws one line naming the dir, the
 * cause and the fix (start-up and CLI commands print it instead of a stack trace).
 */
export function ensureWritableDataDir(dataDir: string): void {
  let problem: string | null;
  try {
    mkdirSync(dataDir, { recursive: true });
    problem = writeProbe(dataDir);
  } catch (error) {
    problem = `data dir is not writable (${dataDir}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  if (problem) throw new Error(`${problem}; set TURNO_DATA_DIR to a writable directory`);
}
