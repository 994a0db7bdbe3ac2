/**
 * Full-text search over the whole history (SQLite FTS5, migration 0005): message text, captions and
 * private notes (`messages_fts`), contact names, phone numbers and contact notes (`contacts_fts`).
 * Only conversations the user may see are returned (same rule as `canSeeConversation`: visible
 * channels, or assigned to the user); messages deleted for everyone only for admins. Message hits are newest first by storage order (the full-text
 * index streams them in that order, so a common word never sorts every match), keyset-paginated.
 * Snippets carry the control-character markers SNIPPET_OPEN / SNIPPET_CLOSE around matches; the
 * view escapes the text and only then turns the markers into <mark>.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../db/schema/enums';
import type { Core } from './context';
import { decodeCursor, encodeCursor } from './conversations';
import type { PublicUser } from './types';
import { visibleChannelIds } from './visibility';

export const SNIPPET_OPEN = '\u0001';
export const SNIPPET_CLOSE = '\u0002';

export const searchQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  channelId: z.string().max(64).optional(),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  /** customer: inbound; agent: outbound replies (not notes); notes: private notes. */
  from: z.enum(['customer', 'agent', 'notes']).optional(),
  /** Inclusive lower / exclusive upper bound on the message time (ms). */
  since: z.number().int().optional(),
  until: z.number().int().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

export interface MessageHit {
  messageId: string;
  conversationId: string;
  conversationNumber: number;
  conversationStatus: ConversationStatus;
  channelId: string;
  contactName: string;
  contactPhone: string | null;
  direction: 'inbound' | 'outbound';
  isPrivate: boolean;
  type: string;
  sentAt: number;
  /** Matched text with SNIPPET_OPEN/SNIPPET_CLOSE markers (unescaped customer text). */
  snippet: string;
}

export interface ContactHit {
  contactId: string;
  name: string;
  phone: string | null;
  snippet: string;
  /** The contact's most recent conversation the user may see. */
  conversationId: string;
  conversationNumber: number;
  conversationStatus: ConversationStatus;
}

export interface SearchResult {
  messages: MessageHit[];
  /** Contacts matching by name, phone or notes (first page only). */
  contacts: ContactHit[];
  nextCursor: string | null;
}

/**
 * Turns what a person typed into a safe FTS5 query: every term is quoted (FTS5 operators and
 * column filters in the input lose their meaning), the last term matches as a prefix, terms are
 * ANDed. Returns null when nothing searchable is left.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text.replace(/[\u0000-\u001f"]/g, ' ').split(/\s+/).filter((term) => /[\p{L}\p{N}]/u.test(term)).slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((term, i) => `"${term}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** SQL condition: conversation `c` is visible to the user. */
function visibleSql(core: Core, user: PublicUser): SQL {
  const allowed = visibleChannelIds(core, user);
  if (allowed === null) return sql`1`;
  const list = allowed.length ? sql.join(allowed.map((id) => sql`${id}`), sql`, `) : sql`''`;
  return sql`(c.channel_id IN (${list}) OR c.assignee_id = ${user.id})`;
}

function conversationFilters(f: z.output<typeof searchQuerySchema>): SQL[] {
  const where: SQL[] = [];
  if (f.channelId) where.push(sql`c.channel_id = ${f.channelId}`);
  if (f.status) where.push(sql`c.status = ${f.status}`);
  return where;
}

/** Searches messages and contacts for the user; see the module comment for the rules. */
export function search(core: Core, user: PublicUser, input: SearchQuery): SearchResult {
  const f = searchQuerySchema.parse(input);
  const match = toFtsQuery(f.q);
  if (!match) return { messages: [], contacts: [], nextCursor: null };
  const where: SQL[] = [sql`messages_fts MATCH ${match}`, visibleSql(core, user), ...conversationFilters(f)];
  // A message deleted for everyone is found only by admins (who may read its kept content).
  if (user.role !== 'admin') where.push(sql`json_extract(m.payload, '$.deleted') IS NULL`);
  if (f.from === 'customer') where.push(sql`m.direction = 'inbound'`);
  if (f.from === 'agent') where.push(sql`m.direction = 'outbound' AND m.is_private = 0`);
  if (f.from === 'notes') where.push(sql`m.is_private = 1`);
  if (f.since !== undefined) where.push(sql`m.sent_at >= ${f.since}`);
  if (f.until !== undefined) where.push(sql`m.sent_at < ${f.until}`);
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(sql`messages_fts.rowid < ${c.key}`);
  }
  const rows = core.db.all<Record<string, unknown>>(sql`
    SELECT m.rowid AS rid, m.id, m.conversation_id, m.direction, m.is_private, m.type, m.sent_at,
      snippet(messages_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16) AS snippet,
      c.number, c.status, c.channel_id, ct.name, ct.phone
    FROM messages_fts
    JOIN messages m ON m.rowid = messages_fts.rowid
    JOIN conversations c ON c.id = m.conversation_id
    JOIN contacts ct ON ct.id = c.contact_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY messages_fts.rowid DESC
    LIMIT ${f.limit + 1}`);
  const hits: MessageHit[] = rows.slice(0, f.limit).map((r) => ({
    messageId: String(r.id), conversationId: String(r.conversation_id), conversationNumber: Number(r.number),
    conversationStatus: r.status as ConversationStatus, channelId: String(r.channel_id),
    contactName: String(r.name ?? ''), contactPhone: (r.phone as string | null) ?? null,
    direction: r.direction as MessageHit['direction'], isPrivate: Number(r.is_private) === 1, type: String(r.type),
    sentAt: Number(r.sent_at), snippet: String(r.snippet ?? ''),
  }));
  const last = hits[hits.length - 1];
  const lastRow = rows[f.limit - 1];
  const nextCursor = rows.length > f.limit && last && lastRow ? encodeCursor(Number(lastRow.rid), last.messageId) : null;
  const wantsContacts = !f.cursor && !f.from && f.since === undefined && f.until === undefined;
  return { messages: hits, contacts: wantsContacts ? searchContacts(core, user, f, match) : [], nextCursor };
}

/** Contacts matching by name/phone/notes (plus phone digits anywhere in the number), newest conversation first. */
function searchContacts(core: Core, user: PublicUser, f: z.output<typeof searchQuerySchema>, match: string): ContactHit[] {
  const digits = f.q.replace(/[\s()+-]/g, '');
  const phoneLike = /^\d{4,}$/.test(digits);
  const rows = core.db.all<Record<string, unknown>>(sql`
    SELECT ct.id, ct.name, ct.phone, coalesce(hit.snippet, '') AS snippet,
      c.id AS conversation_id, c.number, c.status
    FROM contacts ct
    ${phoneLike ? sql`LEFT JOIN` : sql`JOIN`} (SELECT rowid, snippet(contacts_fts, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 10) AS snippet
               FROM contacts_fts WHERE contacts_fts MATCH ${match}) hit ON hit.rowid = ct.rowid
    JOIN conversations c ON c.id = (
      SELECT c.id FROM conversations c WHERE c.contact_id = ct.id AND ${visibleSql(core, user)}
        ${conversationFilters(f).length ? sql`AND ${sql.join(conversationFilters(f), sql` AND `)}` : sql``}
      ORDER BY c.last_message_at DESC LIMIT 1)
    ${phoneLike ? sql`WHERE hit.rowid IS NOT NULL OR ct.phone LIKE ${`%${digits}%`}` : sql``}
    ORDER BY c.last_message_at DESC
    LIMIT 10`);
  return rows.map((r) => ({
    contactId: String(r.id), name: String(r.name ?? ''), phone: (r.phone as string | null) ?? null, snippet: String(r.snippet),
    conversationId: String(r.conversation_id), conversationNumber: Number(r.number), conversationStatus: r.status as ConversationStatus,
  }));
}
