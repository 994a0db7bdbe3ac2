/** Messages, attachments, reactions, mentions and statuses that arrived before their message. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channels } from './channels';
import { conversations } from './conversations';
import { ATTACHMENT_STATUSES, DELIVERY_STATUSES, DIRECTIONS, SENDER_TYPES } from './enums';
import { users } from './users';

export const messages = sqliteTable('messages', {
  id: text('id').primaryKey(),
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  channelId: text('channel_id').notNull().references(() => channels.id),
  direction: text('direction', { enum: DIRECTIONS }).notNull(),
  senderType: text('sender_type', { enum: SENDER_TYPES }).notNull(),
  senderId: text('sender_id'),
  /** One of MESSAGE_TYPES, or a provider type we do not know yet (kept, shown as a placeholder). */
  type: text('type').notNull(),
  /** Text body, caption, or a readable summary used by previews and search. */
  content: text('content').notNull().default(''),
  /** Structured, type-specific data (location, interactive reply, order lines, template…). */
  payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** The provider's JSON for this message, as received or as sent. */
  raw: text('raw'),
  externalId: text('external_id'),
  status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
  errorCode: integer('error_code'),
  errorMessage: text('error_message'),
  isPrivate: integer('is_private', { mode: 'boolean' }).notNull().default(false),
  replyToId: text('reply_to_id'),
  replyToExternalId: text('reply_to_external_id'),
  /** Set while a provider call is in flight or its outcome is unknown (crash, time-out). */
  sendAttemptedAt: integer('send_attempted_at'),
  /** Failed send attempts so far; with the last one's reason and the next try, shown on a queued bubble. */
  sendAttempts: integer('send_attempts').notNull().default(0),
  sendRetryReason: text('send_retry_reason'),
  sendRetryAt: integer('send_retry_at'),
  /** Provider time (ms) for inbound, creation time for outbound; the thread is ordered by it. */
  sentAt: integer('sent_at').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [
  uniqueIndex('messages_channel_external_unique').on(t.channelId, t.externalId),
  index('messages_conversation_time_idx').on(t.conversationId, t.sentAt, t.id),
]);

export const attachments = sqliteTable('attachments', {
  id: text('id').primaryKey(),
  messageId: text('message_id').references(() => messages.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  mimeType: text('mime_type').notNull().default('application/octet-stream'),
  filename: text('filename'),
  size: integer('size'),
  sha256: text('sha256'),
  /** Path relative to the data dir's media folder (content-addressed). */
  storageKey: text('storage_key'),
  /** Provider media id (inbound download source, or id after upload for outbound). */
  externalMediaId: text('external_media_id'),
  status: text('status', { enum: ATTACHMENT_STATUSES }).notNull().default('pending'),
  error: text('error'),
  uploadedBy: text('uploaded_by'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('attachments_message_idx').on(t.messageId)]);

export const messageReactions = sqliteTable('message_reactions', {
  messageId: text('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
  /** `contact` for the customer, or the agent's user id. */
  actor: text('actor').notNull(),
  emoji: text('emoji').notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.messageId, t.actor] })]);

export const mentions = sqliteTable('mentions', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  readAt: integer('read_at'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('mentions_user_idx').on(t.userId, t.readAt)]);

/** Delivery statuses whose message is not known yet (status webhook before the send response). */
export const pendingStatuses = sqliteTable('pending_statuses', {
  id: text('id').primaryKey(),
  channelId: text('channel_id').notNull(),
  externalId: text('external_id').notNull(),
  status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
  errorCode: integer('error_code'),
  errorMessage: text('error_message'),
  occurredAt: integer('occurred_at').notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('pending_statuses_lookup_idx').on(t.channelId, t.externalId)]);
