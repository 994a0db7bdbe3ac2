/**
 * `openDatabase` keeps compiled statements by SQL text beyond bun:sqlite's own 20-entry query()
 * cache, dropping the least recently used past MAX_CACHED_STATEMENTS.
 */
import { Database } from 'bun:sqlite';
import { expect, test } from 'bun:test';
import { MAX_CACHED_STATEMENTS, openDatabase } from '../../../src/db/client';

test('every distinct statement is compiled once, also past the 20 bun keeps', () => {
  const db = openDatabase(':memory:');
  expect(Database.MAX_QUERY_CACHE_SIZE).toBeLessThan(30);
  const sqlOf = (i: number) => `SELECT ${i} AS n`;
  const first = Array.from({ length: 30 }, (_, i) => db.$client.prepare(sqlOf(i)));
  first.forEach((statement, i) => expect(db.$client.prepare(sqlOf(i))).toBe(statement));
  expect((db.$client.prepare(sqlOf(29)).get() as { n: number }).n).toBe(29);
  db.$client.close();
});

test('past the cap the least recently used statement is dropped, recently used ones stay', () => {
  const db = openDatabase(':memory:');
  const sqlOf = (i: number) => `SELECT ${i} AS n`;
  const oldest = db.$client.prepare(sqlOf(0));
  const touched = db.$client.prepare(sqlOf(1));
  for (let i = 2; i < MAX_CACHED_STATEMENTS; i++) db.$client.prepare(sqlOf(i));
  expect(db.$client.prepare(sqlOf(1))).toBe(touched); // used again: now the most recent
  db.$client.prepare(sqlOf(MAX_CACHED_STATEMENTS)); // one over the cap: statement 0 goes
  expect(db.$client.prepare(sqlOf(1))).toBe(touched);
  const recompiled = db.$client.prepare(sqlOf(0));
  expect(recompiled).not.toBe(oldest);
  expect((recompiled.get() as { n: number }).n).toBe(0);
  db.$client.close();
});
