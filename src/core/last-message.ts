/**
 * The message a conversation row previews, for rows whose last message is not plain text: the
 * list builds its localized label from type + payload (views/inbox/message-label.ts) rather than
 * the stored `lastMessagePreview`, which older rows hold as English prose. A text whose stored
 * preview is empty was deleted for everyone and is looked up too (its label says so).
 */
import { and, eq, sql } from 'drizzle-orm';
import { conversations, messages } from '../db/schema';
import type { Core } from './context';
import type { Conversation, Message } from './types';

export type PreviewMessage = Pick<Message, 'type' | 'content' | 'payload'>;

/** Types whose stored content is already the text to show (no lookup, no payload needed). */
export const PLAIN_PREVIEW_TYPES = new Set(['text', 'note', 'template']);

/**
 * The customer-facing last message of each conversation whose last type is not plain text, by
 * conversation id. One statement whatever the number of conversations (the ids travel as one JSON
 * parameter; an OR per conversation hit SQLite's expression-depth limit near 1,000 rows on the
 * supervisor board): each conversation joins its message at the last message's provider time.
 */
export function previewMessagesOf(core: Core, list: Conversation[]): Map<string, PreviewMessage> {
  // An empty stored preview: the last message was deleted for everyone (see message-revisions.ts).
  const ids = list.filter((c) => !PLAIN_PREVIEW_TYPES.has(c.lastMessageType) || c.lastMessagePreview === '').map((c) => c.id);
  if (ids.length === 0) return new Map();
  const rows = core.db.select({ conversationId: messages.conversationId, type: messages.type, content: messages.content, payload: messages.payload })
    .from(conversations)
    .innerJoin(messages, and(eq(messages.conversationId, conversations.id), eq(messages.sentAt, conversations.lastMessageAt), eq(messages.type, conversations.lastMessageType)))
    .where(and(sql`${conversations.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`, eq(messages.isPrivate, false)))
    .all();
  return new Map(rows.map((r) => [r.conversationId, { type: r.type, content: r.content, payload: r.payload }]));
}
