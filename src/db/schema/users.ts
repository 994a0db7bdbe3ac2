/** Users, sessions, API tokens, teams and memberships. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { API_SCOPES, ASSIGNMENT_MODES, AVAILABILITY, ROLES } from './enums';

export type ApiScope = (typeof API_SCOPES)[number];

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('agent'),
  locale: text('locale'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  availability: text('availability', { enum: AVAILABILITY }).notNull().default('offline'),
  /** Availability chosen by hand; null means "follow presence". */
  availabilityManual: text('availability_manual', { enum: AVAILABILITY }),
  capacity: integer('capacity').notNull().default(10),
  notificationSettings: text('notification_settings', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** Avatar colour chosen on the profile page (#rrggbb); null: derived from the name. */
  avatarColor: text('avatar_color'),
  lastSeenAt: integer('last_seen_at'),
  offlineSince: integer('offline_since'),
  /** When a conversation was last assigned to this agent (balanced mode's tie-break, rotation). */
  lastAssignedAt: integer('last_assigned_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('users_email_unique').on(t.email)]);

export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
}, (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)]);

export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  prefix: text('prefix').notNull(),
  createdAt: integer('created_at').notNull(),
  lastUsedAt: integer('last_used_at'),
  /** The address of the last request made with the token. */
  lastUsedIp: text('last_used_ip'),
  /** What the token may do (read, write, admin); its user's role still applies on top. */
  scopes: text('scopes', { mode: 'json' }).$type<ApiScope[]>().notNull().default(sql`'["read","write","admin"]'`),
  revokedAt: integer('revoked_at'),
}, (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)]);

/**
 * Stored answers to POSTs sent with an `Idempotency-Key`, per caller (token or user): a retry with
 * the same key gets the first answer instead of doing the work again. `status` is null while the
 * first request is still running. Kept for 24 hours.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  owner: text('owner').notNull(),
  key: text('key').notNull(),
  /** sha256 of method, path and body: the same key with another request is refused. */
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  response: text('response'),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.owner, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)]);

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  assignmentMode: text('assignment_mode', { enum: ASSIGNMENT_MODES }).notNull().default('manual'),
  onlyAssigneeCanReply: integer('only_assignee_can_reply', { mode: 'boolean' }).notNull().default(false),
  /** An agent who replies to an unassigned conversation of this team becomes its assignee. */
  assignOnReply: integer('assign_on_reply', { mode: 'boolean' }).notNull().default(true),
  /** Per-team override of each member's capacity; null keeps the agent's own capacity. */
  capacityOverride: integer('capacity_override'),
  /** Round-robin cursor: the user id that got the last assignment. */
  lastAssignedUserId: text('last_assigned_user_id'),
  createdAt: integer('created_at').notNull(),
}, (t) => [uniqueIndex('teams_name_unique').on(t.name)]);

export const teamMembers = sqliteTable('team_members', {
  teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)]);
