/**
 * The message a conversation row previews, for rows whose last message is not plain text: the
 * list builds its localized label from type + payload (views/inbox/message-label.ts) rather than
 * the stored `lastMessagePreview`, which older rows hold as English prose.
 */
import { and, eq, or } from 'drizzle-orm';
import { messages } from '../db/schema';
import type { Core } from './context';
import type { Conversation, Message } from './types';

export type PreviewMessage = Pick<Message, 'type' | 'content' | 'payload'>;

/** Types whose stored content is already the text to show (no lookup, no payload needed). */
export const PLAIN_PREVIEW_TYPES = new Set(['text', 'note', 'template']);

/**
 * The customer-facing last message of each conversation whose last type is not plain text,
 * by conversation id, in one indexed query (conversation + provider time of the last message).
 */
export function previewMessagesOf(core: Core, list: Conversation[]): Map<string, PreviewMessage> {
  const wanted = list.filter((c) => !PLAIN_PREVIEW_TYPES.has(c.lastMessageType));
  if (wanted.length === 0) return new Map();
  const rows = core.db.select({ conversationId: messages.conversationId, type: messages.type, content: messages.content, payload: messages.payload })
    .from(messages)
    .where(and(eq(messages.isPrivate, false), or(...wanted.map((c) => and(
      eq(messages.conversationId, c.id), eq(messages.sentAt, c.lastMessageAt), eq(messages.type, c.lastMessageType))))))
    .all();
  return new Map(rows.map((r) => [r.conversationId, { type: r.type, content: r.content, payload: r.payload }]));
}
