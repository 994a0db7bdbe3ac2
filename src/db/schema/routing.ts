/** Routing: ordered rules, business hours per team, SLA policies and in-app notifications. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { teams, users } from './users';

/** One routing rule: all `conditions` must match, then every action runs. Lower position runs first. */
export const routingRules = sqliteTable('routing_rules', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Evaluate on every inbound message too, not only when a conversation starts. */
  onEveryMessage: integer('on_every_message', { mode: 'boolean' }).notNull().default(false),
  /** Stop evaluating later rules when this one matches. */
  stopOnMatch: integer('stop_on_match', { mode: 'boolean' }).notNull().default(true),
  conditions: text('conditions', { mode: 'json' }).notNull().$type<Array<Record<string, unknown>>>(),
  actions: text('actions', { mode: 'json' }).notNull().$type<Array<Record<string, unknown>>>(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('routing_rules_position_idx').on(t.position)]);

/** Opening hours of a team (`team_id` null = the company default). */
export const businessHours = sqliteTable('business_hours', {
  id: text('id').primaryKey(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  /** IANA zone, e.g. America/Bogota. */
  timezone: text('timezone').notNull(),
  /** [{day: 0-6 (Sunday=0), from: 'HH:MM', to: 'HH:MM'}] in local time. */
  weekly: text('weekly', { mode: 'json' }).notNull().$type<Array<{ day: number; from: string; to: string }>>(),
  /** Local dates 'YYYY-MM-DD' when the team is closed all day. */
  holidays: text('holidays', { mode: 'json' }).notNull().$type<string[]>(),
  outOfOfficeMessage: text('out_of_office_message').notNull().default(''),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('business_hours_team_unique').on(t.teamId)]);

/** Response/resolution targets; `team_id` null = default policy. Targets in minutes; null = no target. */
export const slaPolicies = sqliteTable('sla_policies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  firstResponseMinutes: integer('first_response_minutes'),
  nextResponseMinutes: integer('next_response_minutes'),
  resolutionMinutes: integer('resolution_minutes'),
  /** Count only time inside the team's business hours. */
  businessHoursOnly: integer('business_hours_only', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
}, (t) => [uniqueIndex('sla_policies_team_unique').on(t.teamId)]);

/** In-app notifications (SLA alerts, unattended conversations). */
export const notifications = sqliteTable('notifications', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  conversationId: text('conversation_id'),
  details: text('details', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
  readAt: integer('read_at'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)]);
