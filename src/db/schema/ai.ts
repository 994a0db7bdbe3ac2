/**
 * AI: intents and their training phrases, the learning queue of suggested corrections, the
 * knowledge base the bot answers from, and agents' ratings of bot answers.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { conversations } from './conversations';
import { messages } from './messages';
import { teams, users } from './users';

export const EXAMPLE_SOURCES = ['seed', 'admin', 'learned'] as const;
export const SUGGESTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const BOT_RATINGS = ['up', 'down'] as const;

/** An intent the classifier recognises; `id` is stable ('billing') and used by rules and plugins. */
export const intents = sqliteTable('intents', {
  id: text('id').primaryKey(),
  /** Display name per locale: {en, es, pt}. */
  names: text('names', { mode: 'json' }).notNull().$type<Record<string, string>>(),
  /** Team that handles this intent when the bot hands off (and AI routing rules default to). */
  targetTeamId: text('target_team_id').references(() => teams.id, { onDelete: 'set null' }),
  /** Label names applied to conversations of this intent. */
  labels: text('labels', { mode: 'json' }).notNull().$type<string[]>().default([]),
  /** Higher = more urgent (maps to conversation priority in routing rules). */
  priority: integer('priority').notNull().default(0),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A training phrase of an intent. */
export const intentExamples = sqliteTable('intent_examples', {
  id: text('id').primaryKey(),
  intentId: text('intent_id').notNull().references(() => intents.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  source: text('source', { enum: EXAMPLE_SOURCES }).notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('intent_examples_intent_idx').on(t.intentId)]);

/** Learning queue: a customer phrase an agent's correction suggests belongs to another intent/team. */
export const intentSuggestions = sqliteTable('intent_suggestions', {
  id: text('id').primaryKey(),
  conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
  messageText: text('message_text').notNull(),
  fromIntent: text('from_intent'),
  /** Intent the phrase should teach; null when only the team is known (the admin picks one). */
  toIntent: text('to_intent'),
  teamId: text('team_id'),
  status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('pending'),
  createdBy: text('created_by'),
  decidedBy: text('decided_by'),
  createdAt: integer('created_at').notNull(),
  decidedAt: integer('decided_at'),
}, (t) => [index('intent_suggestions_status_idx').on(t.status, t.createdAt)]);

/** A knowledge-base article: question variants and one answer, in one language. */
export const kbArticles = sqliteTable('kb_articles', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  questions: text('questions', { mode: 'json' }).notNull().$type<string[]>(),
  answer: text('answer').notNull(),
  /** 'es' | 'pt' | 'en'. */
  language: text('language').notNull(),
  tags: text('tags', { mode: 'json' }).notNull().$type<string[]>().default([]),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** An agent's thumbs up/down on a bot message (one per agent and message). */
export const botRatings = sqliteTable('bot_ratings', {
  messageId: text('message_id').notNull().references(() => messages.id, { onDelete: 'cascade' }),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  rating: text('rating', { enum: BOT_RATINGS }).notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [primaryKey({ columns: [t.messageId, t.userId] })]);
