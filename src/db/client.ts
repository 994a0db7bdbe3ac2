/** Opens the SQLite database (WAL, foreign keys, busy timeout) and wraps it with drizzle. */
import { Database, type Statement } from 'bun:sqlite';
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
  // drizzle prepares every query afresh. Keep each compiled statement, keyed by its SQL text: bun's
  // own `query()` cache holds only the first 20 (Database.MAX_QUERY_CACHE_SIZE), so every other
  // statement was compiled again on each call (bench/ingest profile: compiling was the largest
  // single cost of applying a webhook). Distinct SQL texts are bounded by the code (IN lists vary
  // by length); past the cap the least recently used statement is dropped (GC frees it). A shared
  // statement is fine for drizzle, which runs each to completion; code that needs a cursor of its
  // own (`iterate()`) compiles a fresh one with `Database.prototype.prepare.call(db.$client, sql)`.
  const statements = new Map<string, Statement>();
  const compile = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql); // re-insert: Map order is the recency order
    } else {
      statement = compile(sql);
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return statement;
  }) as typeof sqlite.prepare;
  return drizzle({ client: sqlite, schema }) as Db;
}

/** Upper bound of compiled statements kept per connection (see `openDatabase`). */
export const MAX_CACHED_STATEMENTS = 2000;

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

/**
 * A drizzle prepared query built once per database (`build` receives it) and reused: the SQL is
 * not rebuilt on every call. For hot lookups; bind values with `sql.placeholder(name)`
 * (bench/ingest profile: building SQL for the same few lookups was most of a webhook's apply cost).
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Db) => T {
  const perDb = new WeakMap<Db, T>();
  return (db) => {
    let query = perDb.get(db);
    if (query === undefined) {
      query = build(db);
      perDb.set(db, query);
    }
    return query;
  };
}
