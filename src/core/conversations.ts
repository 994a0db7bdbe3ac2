/** Conversations: lookup, listing with filters and keyset pagination, and the timeline. */
import { and, asc, desc, eq, exists, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { preparedQuery } from '../db/client';
import { conversationCounts, conversationEvents, conversationLabels, conversations } from '../db/schema';
import { CONVERSATION_STATUSES, PRIORITIES } from '../db/schema/enums';
import { newId } from '../lib/ids';
import type { Core } from './context';
import { fail } from './errors';
import type { Conversation, ConversationEvent, PublicUser } from './types';
import { visibleChannelIds } from './visibility';

/** Status filter value for open or pending conversations. */
export const ACTIVE_STATUS_FILTER = 'active';
/** Team filter value for conversations without a team. */
export const NO_TEAM_FILTER = 'none';

export const conversationFilterSchema = z.object({
  view: z.enum(['all', 'mine', 'unassigned', 'team']).default('all'),
  teamId: z.string().optional(),
  /** A status, or `active` (open or pending: what the supervisor board shows). */
  status: z.enum([...CONVERSATION_STATUSES, ACTIVE_STATUS_FILTER]).optional(),
  channelId: z.string().optional(),
  labelId: z.string().optional(),
  priority: z.enum(PRIORITIES).optional(),
  assigneeId: z.string().optional(),
  contactId: z.string().optional(),
  sort: z.enum(['newest', 'waiting']).default('newest'),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ConversationFilter = z.input<typeof conversationFilterSchema>;

const conversationById = preparedQuery((db) => db.select().from(conversations).where(eq(conversations.id, sql.placeholder('id'))).prepare());

/** A conversation by id, or throws `not_found`. */
export function getConversationOrThrow(core: Core, id: string): Conversation {
  const row = conversationById(core.db).get({ id });
  if (!row) throw fail.notFound('Conversation');
  return row;
}

/** A keyset cursor for (sort key, id); opaque to clients. */
export function encodeCursor(key: number, id: string): string {
  return Buffer.from(`${key}:${id}`).toString('base64url');
}

/** Reads a cursor made by `encodeCursor`; throws `bad_request` when it is malformed. */
export function decodeCursor(cursor: string): { key: number; id: string } {
  const [key, id] = Buffer.from(cursor, 'base64url').toString().split(':');
  if (!key || !id || Number.isNaN(Number(key))) throw fail.badRequest('Invalid cursor', { field: 'cursor' });
  return { key: Number(key), id };
}

/**
 * Lists the conversations a user may see, filtered, newest activity first (or longest waiting
 * first), with keyset pagination: pass back `nextCursor` to continue. No OFFSET.
 */
export function listConversations(core: Core, user: PublicUser, filter: ConversationFilter): { items: Conversation[]; nextCursor: string | null } {
  const f = conversationFilterSchema.parse(filter);
  const where = filterConditions(core, user, f);
  const waiting = f.sort === 'waiting';
  const sortKey = waiting ? sql<number>`coalesce(${conversations.waitingSince}, 9007199254740991)` : conversations.lastMessageAt;
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(waiting
      ? sql`(${sortKey} > ${c.key} OR (${sortKey} = ${c.key} AND ${conversations.id} > ${c.id}))`
      : or(lt(conversations.lastMessageAt, c.key), and(eq(conversations.lastMessageAt, c.key), lt(conversations.id, c.id)))!);
  }
  const order = waiting ? [asc(sortKey), asc(conversations.id)] : [desc(conversations.lastMessageAt), desc(conversations.id)];
  const rows = core.db.select().from(conversations).where(and(...where)).orderBy(...order).limit(f.limit + 1).all();
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > f.limit && last
    ? encodeCursor(waiting ? (last.waitingSince ?? Number.MAX_SAFE_INTEGER) : last.lastMessageAt, last.id)
    : null;
  return { items, nextCursor };
}

/**
 * How many conversations `listConversations` would return over all its pages. Without a label or
 * contact filter this sums the trigger-kept buckets in `conversation_counts` (a few rows whatever
 * the number of conversations); otherwise it counts the conversations themselves.
 */
export function countConversations(core: Core, user: PublicUser, filter: ConversationFilter): number {
  const f = conversationFilterSchema.parse(filter);
  if (f.labelId || f.contactId) {
    return core.db.select({ n: sql<number>`count(*)` }).from(conversations).where(and(...filterConditions(core, user, f))).get()?.n ?? 0;
  }
  return core.db.select({ n: sql<number>`coalesce(sum(${conversationCounts.n}), 0)` }).from(conversationCounts)
    .where(and(...filterConditions(core, user, f, BUCKET_COLUMNS))).get()?.n ?? 0;
}

/** The columns a filter reads, on a conversation row or on a count bucket (where '' means none). */
type FilterColumns = {
  channelId: SQLiteColumn; assigneeId: SQLiteColumn; teamId: SQLiteColumn; status: SQLiteColumn; priority: SQLiteColumn;
  unassigned: SQL; noTeam: SQL;
};
const CONVERSATION_COLUMNS: FilterColumns = { ...pickFilterColumns(conversations), unassigned: isNull(conversations.assigneeId), noTeam: isNull(conversations.teamId) };
const BUCKET_COLUMNS: FilterColumns = { ...pickFilterColumns(conversationCounts), unassigned: eq(conversationCounts.assigneeId, ''), noTeam: eq(conversationCounts.teamId, '') };

function pickFilterColumns(t: typeof conversations | typeof conversationCounts) {
  return { channelId: t.channelId, assigneeId: t.assigneeId, teamId: t.teamId, status: t.status, priority: t.priority };
}

function filterConditions(core: Core, user: PublicUser, f: z.output<typeof conversationFilterSchema>, cols: FilterColumns = CONVERSATION_COLUMNS): SQL[] {
  const where: SQL[] = [];
  // "Mine" needs no visibility check: the assignee always sees their conversations.
  const channelsAllowed = f.view === 'mine' ? null : visibleChannelIds(core, user);
  if (channelsAllowed !== null) {
    const allowed = or(inArray(cols.channelId, channelsAllowed.length ? channelsAllowed : ['']), eq(cols.assigneeId, user.id));
    where.push(allowed!);
  }
  if (f.view === 'mine') where.push(eq(cols.assigneeId, user.id));
  if (f.view === 'unassigned') where.push(cols.unassigned);
  // A team narrows the Team view, and the Unassigned view too (a team's queue).
  if ((f.view === 'team' || f.view === 'unassigned') && f.teamId) where.push(f.teamId === NO_TEAM_FILTER ? cols.noTeam : eq(cols.teamId, f.teamId));
  if (f.status) where.push(f.status === ACTIVE_STATUS_FILTER ? inArray(cols.status, ['open', 'pending']) : eq(cols.status, f.status));
  if (f.channelId) where.push(eq(cols.channelId, f.channelId));
  if (f.priority) where.push(eq(cols.priority, f.priority));
  if (f.assigneeId) where.push(eq(cols.assigneeId, f.assigneeId));
  if (f.contactId) where.push(eq(conversations.contactId, f.contactId));
  if (f.labelId) {
    where.push(exists(core.db.select({ x: sql`1` }).from(conversationLabels)
      .where(and(eq(conversationLabels.conversationId, conversations.id), eq(conversationLabels.labelId, f.labelId!)))));
  }
  return where;
}

/** Appends an entry to the conversation's timeline (assignment trail, status changes…). */
export function addConversationEvent(core: Core, conversationId: string, kind: string, actorId: string | null, details: Record<string, unknown> = {}): ConversationEvent {
  const row: ConversationEvent = { id: newId(), conversationId, kind, actorId, details, createdAt: core.clock.now() };
  core.db.insert(conversationEvents).values(row).run();
  return row;
}

/**
 * True when the timeline has an entry of `kind` (or one of several) whose details hold every field
 * of `match`, optionally only entries newer than `since`: "was this already done/said?" checks
 * (rescheduled timers fire once, one auto-reply per window, the bot handled this message).
 */
export function hasConversationEvent(core: Core, conversationId: string, kind: string | string[], match: Record<string, string | number>, since?: number): boolean {
  const fields = Object.entries(match).map(([k, v]) => sql`json_extract(${conversationEvents.details}, ${`$.${k}`}) = ${v}`);
  return !!core.db.select({ id: conversationEvents.id }).from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, conversationId), typeof kind === 'string' ? eq(conversationEvents.kind, kind) : inArray(conversationEvents.kind, kind),
      ...fields, ...(since === undefined ? [] : [sql`${conversationEvents.createdAt} > ${since}`]))).get();
}

/** The timeline of a conversation, oldest first. */
export function listConversationEvents(core: Core, conversationId: string): ConversationEvent[] {
  return core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversationId))
    .orderBy(asc(conversationEvents.createdAt), asc(conversationEvents.id)).all();
}

/** Next human-friendly conversation number (#1, #2…); call inside the creating transaction. */
export function nextConversationNumber(core: Core): number {
  const row = core.db.select({ n: sql<number | null>`max(${conversations.number})` }).from(conversations).get();
  return (row?.n ?? 0) + 1;
}

/** The contact's most recent conversation on a channel (by last message), resolved or not. */
export function latestConversationOf(core: Core, channelId: string, contactId: string): Conversation | undefined {
  return core.db.select().from(conversations)
    .where(and(eq(conversations.channelId, channelId), eq(conversations.contactId, contactId)))
    .orderBy(desc(conversations.lastMessageAt)).limit(1).get();
}

/**
 * Inserts a new open, unassigned conversation whose last activity is `at`; call inside the
 * creating transaction (publishing `conversation.created` is the caller's job, after commit).
 */
export function insertConversation(core: Core, channelId: string, contactId: string, at: number, previousAssigneeId: string | null = null): Conversation {
  const now = core.clock.now();
  const conversation: Conversation = {
    id: newId(), number: nextConversationNumber(core), channelId, contactId, status: 'open', priority: 'none',
    assigneeId: null, teamId: null, previousAssigneeId, snoozeUntil: null, snoozeUntilReply: false,
    lastMessageAt: at, lastMessagePreview: '', lastMessageType: 'text', lastInboundAt: null, lastOutboundAt: null,
    waitingSince: null, firstResponseAt: null, resolvedAt: null, reopenedAt: null, botActive: false, createdAt: now, updatedAt: now,
  };
  core.db.insert(conversations).values(conversation).run();
  return conversation;
}

/** Ms left in the 24-hour customer service window (0 when closed). */
export function windowRemainingMs(core: Core, conversation: Pick<Conversation, 'lastInboundAt'>): number {
  if (!conversation.lastInboundAt) return 0;
  return Math.max(0, conversation.lastInboundAt + 24 * 3600_000 - core.clock.now());
}
