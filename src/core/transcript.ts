/**
 * A conversation's transcript for the customer: every customer-facing message, oldest first,
 * without private notes or timeline entries (those are internal).
 */
import { and, asc, eq } from 'drizzle-orm';
import { messages } from '../db/schema';
import type { Core } from './context';
import type { Message } from './types';

/** The most messages one transcript holds (a printable page, not an export). */
export const TRANSCRIPT_LIMIT = 5000;

/** The conversation's non-private messages in provider-time order, at most `TRANSCRIPT_LIMIT`. */
export function transcriptMessages(core: Core, conversationId: string): Message[] {
  return core.db.select().from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.isPrivate, false)))
    .orderBy(asc(messages.sentAt), asc(messages.id)).limit(TRANSCRIPT_LIMIT).all();
}
