/**
 * Pages of a conversation thread for the inbox: the newest page, the page before a message
 * ("load older messages", keyset on (sentAt, id) — no OFFSET), or a window around a message (jump
 * from search results to a message older than the newest page). Timeline entries are included for
 * the time span the messages cover.
 */
import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { conversationEvents, messages } from '../db/schema';
import type { Core } from './context';
import { fail } from './errors';
import { threadMessages, type Thread } from './inbox-read';
import type { Message } from './types';

/** Messages per page of the thread. */
export const THREAD_PAGE_SIZE = 50;
/** Messages kept before the target of a jump (context above it). */
const CONTEXT_BEFORE = 15;
/** Messages shown after the target of a jump before "newer messages" is offered instead. */
const MAX_AFTER = 200;

export interface ThreadPage {
  thread: Thread;
  /** Older messages exist (show "load older messages"). */
  hasOlder: boolean;
  /** Newer messages exist and are not shown (window around an old message). */
  hasNewer: boolean;
}

function olderThan(pivot: Message): SQL {
  return or(lt(messages.sentAt, pivot.sentAt), and(eq(messages.sentAt, pivot.sentAt), lt(messages.id, pivot.id)))!;
}

function messageIn(core: Core, conversationId: string, id: string | undefined): Message | undefined {
  if (!id) return undefined;
  return core.db.select().from(messages).where(and(eq(messages.id, id), eq(messages.conversationId, conversationId))).get();
}

function older(core: Core, conversationId: string, pivot: Message | undefined, limit: number): { list: Message[]; more: boolean } {
  const where = [eq(messages.conversationId, conversationId)];
  if (pivot) where.push(olderThan(pivot));
  const rows = core.db.select().from(messages).where(and(...where)).orderBy(desc(messages.sentAt), desc(messages.id)).limit(limit + 1).all();
  return { list: rows.slice(0, limit).reverse(), more: rows.length > limit };
}

/**
 * One page of the thread: `before` (a message id) gives the page just older than it (`badRequest`
 * when it is not a message of this conversation); `around` gives a window starting a little before
 * that message (ids from another conversation are ignored); neither gives the newest page.
 */
export function loadThreadPage(core: Core, conversationId: string, opts: { before?: string; around?: string } = {}): ThreadPage {
  const target = messageIn(core, conversationId, opts.around);
  let list: Message[];
  let hasOlder: boolean;
  let hasNewer = false;
  if (target) {
    const above = older(core, conversationId, target, CONTEXT_BEFORE);
    const below = core.db.select().from(messages)
      .where(and(eq(messages.conversationId, conversationId), sql`NOT (${olderThan(target)})`))
      .orderBy(asc(messages.sentAt), asc(messages.id)).limit(MAX_AFTER + 1).all();
    hasNewer = below.length > MAX_AFTER;
    list = [...above.list, ...below.slice(0, MAX_AFTER)];
    hasOlder = above.more;
  } else {
    const pivot = messageIn(core, conversationId, opts.before);
    if (opts.before && !pivot) throw fail.badRequest('That message is not in this conversation', { field: 'before' });
    const page = older(core, conversationId, pivot, THREAD_PAGE_SIZE);
    list = page.list;
    hasOlder = page.more;
  }
  const where = [eq(conversationEvents.conversationId, conversationId)];
  if (hasOlder && list[0]) where.push(gte(conversationEvents.createdAt, list[0].sentAt));
  const upper = opts.before && !target ? messageIn(core, conversationId, opts.before) : hasNewer ? list[list.length - 1] : undefined;
  if (upper) where.push(lt(conversationEvents.createdAt, upper.sentAt + (hasNewer ? 1 : 0)));
  const events = core.db.select().from(conversationEvents).where(and(...where)).orderBy(asc(conversationEvents.createdAt)).all();
  return { thread: { ...threadMessages(core, list), events }, hasOlder, hasNewer };
}
