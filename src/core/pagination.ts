/**
 * Cursor pagination shared by every list of the API: `?cursor=&limit=` in, `{items, nextCursor}`
 * out. Cursors are opaque (base64url of the last item's sort key and id), so a page never repeats
 * or skips a row even when rows are added or removed between requests.
 */
import { z } from 'zod';
import { fail } from './errors';

export const pageQuerySchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.input<typeof pageQuerySchema>;
export interface Page<T> { items: T[]; nextCursor: string | null }

/** An opaque cursor after (key, id). */
export function encodePageCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** Reads a cursor of `encodePageCursor`; throws `bad_request` (field `cursor`) when malformed. */
export function decodePageCursor(cursor: string): { key: string | number; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if ((typeof key === 'string' || typeof key === 'number') && typeof id === 'string') return { key, id };
  } catch { /* falls through to the error below */ }
  throw fail.badRequest('Invalid cursor', { field: 'cursor' });
}

/**
 * One page of an in-memory list (the small reference lists: labels, teams, users…), ordered by
 * (`sortKey`, id) ascending — the same keyset rule the SQL lists use.
 */
export function pageOf<T extends { id: string }>(all: T[], query: PageQuery, sortKey: (item: T) => string | number = (x) => x.id): Page<T> {
  const { cursor, limit } = pageQuerySchema.parse(query);
  const cmp = (ak: string | number, aid: string, bk: string | number, bid: string) => (ak < bk ? -1 : ak > bk ? 1 : aid < bid ? -1 : aid > bid ? 1 : 0);
  const sorted = [...all].sort((a, b) => cmp(sortKey(a), a.id, sortKey(b), b.id));
  const after = cursor ? decodePageCursor(cursor) : null;
  const rest = after ? sorted.filter((x) => cmp(sortKey(x), x.id, after.key, after.id) > 0) : sorted;
  return finishPage(rest.slice(0, limit + 1), limit, sortKey);
}

/** Turns `limit + 1` fetched rows into a page: the extra row only tells that there is a next page. */
export function finishPage<T extends { id: string }>(rows: T[], limit: number, sortKey: (item: T) => string | number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodePageCursor(sortKey(last), last.id) : null };
}
