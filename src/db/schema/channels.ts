/** Channels (one business number each) and which teams may see them. */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CHANNEL_STATUSES } from './enums';
import { teams } from './users';

export const channels = sqliteTable('channels', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  status: text('status', { enum: CHANNEL_STATUSES }).notNull().default('active'),
  statusReason: text('status_reason'),
  /** Provider lookup key (WhatsApp phone_number_id); unique per type. */
  externalId: text('external_id').notNull(),
  /** Non-secret settings (WABA id, Graph URL and version, display number, rate limit). */
  config: text('config', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  /** Secrets (access token, app secret, verify token) as JSON sealed with the data key. */
  secrets: text('secrets').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('channels_type_external_unique').on(t.type, t.externalId)]);

export const channelTeams = sqliteTable('channel_teams', {
  channelId: text('channel_id').notNull().references(() => channels.id, { onDelete: 'cascade' }),
  teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.channelId, t.teamId] })]);
