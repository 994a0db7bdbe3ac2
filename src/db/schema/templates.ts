/** Message templates synced from the provider, and canned responses written by agents. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channels } from './channels';
import { users } from './users';

export const messageTemplates = sqliteTable('message_templates', {
  id: text('id').primaryKey(),
  channelId: text('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
  externalId: text('external_id'),
  name: text('name').notNull(),
  language: text('language').notNull(),
  status: text('status').notNull(),
  category: text('category').notNull().default(''),
  components: text('components', { mode: 'json' }).notNull().$type<unknown[]>(),
  syncedAt: integer('synced_at').notNull(),
}, (t) => [uniqueIndex('message_templates_unique').on(t.channelId, t.name, t.language)]);

export const cannedResponses = sqliteTable('canned_responses', {
  id: text('id').primaryKey(),
  shortcut: text('shortcut').notNull(),
  title: text('title').notNull(),
  content: text('content').notNull(),
  /** Null for responses shared with everyone. */
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('canned_responses_shortcut_idx').on(t.shortcut)]);
