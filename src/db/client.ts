/** Opens the SQLite database (WAL, foreign keys, busy timeout) and wraps it with drizzle. */
import { Database } from 'bun:sqlite';
import { drizzle, type BunSQLiteDatabase } from 'drizzle-orm/bun-sqlite';
import * as schema from './schema';

export type Db = BunSQLiteDatabase<typeof schema> & { $client: Database };

/** Opens (creating if needed) the database file at `path`; `:memory:` works for quick tests. */
export function openDatabase(path: string): Db {
  const sqlite = new Database(path, { create: true, strict: true });
  sqlite.exec('PRAGMA journal_mode = WAL');
  sqlite.exec('PRAGMA synchronous = NORMAL');
  sqlite.exec('PRAGMA foreign_keys = ON');
  sqlite.exec('PRAGMA busy_timeout = 5000');
  sqlite.exec('PRAGMA temp_store = MEMORY');
  sqlite.exec('PRAGMA cache_size = -65536');
  // drizzle prepares every query afresh; `query()` reuses the compiled statement for the same SQL
  // (bench/ingest: compiling was the largest single cost of applying a webhook).
  sqlite.prepare = ((sql: string) => sqlite.query(sql)) as typeof sqlite.prepare;
  return drizzle({ client: sqlite, schema }) as Db;
}

const pendingAfterCommit = new WeakMap<Database, Array<() => void>>();

/**
 * Runs `fn` inside an IMMEDIATE transaction (takes the write lock up front, so concurrent writers
 * queue instead of failing on upgrade). Nested calls reuse the outer transaction. Callbacks
 * registered with `afterCommit` run once the outermost transaction has committed, and are
 * dropped if it rolls back.
 */
export function transaction<T>(db: Db, fn: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) return fn();
  const queue: Array<() => void> = [];
  pendingAfterCommit.set(sqlite, queue);
  let result: T;
  try {
    result = sqlite.transaction(fn).immediate();
  } finally {
    pendingAfterCommit.delete(sqlite);
  }
  for (const callback of queue) callback();
  return result;
}

/**
 * Runs `callback` after the current transaction commits (immediately when there is none). Use it
 * to publish events so listeners never see, or act on, a change that was rolled back.
 */
export function afterCommit(db: Db, callback: () => void): void {
  const queue = db.$client.inTransaction ? pendingAfterCommit.get(db.$client) : undefined;
  if (queue) queue.push(callback);
  else callback();
}

/** Rows changed by a drizzle `.run()` (bun:sqlite returns them; drizzle's types say void). */
export function changesOf(result: unknown): number {
  return (result as { changes?: number } | undefined)?.changes ?? 0;
}
