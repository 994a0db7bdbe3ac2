/** Customer satisfaction (CSAT): survey settings per team and the surveys sent with their answers. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts';
import { conversations } from './conversations';
import { teams } from './users';

export const CSAT_LANGUAGES = ['es', 'en', 'pt-BR'] as const;
export const CSAT_SURVEY_STATUSES = ['sent', 'answered', 'skipped'] as const;

/** When and how to ask; `team_id` null = the company default. */
export const csatSettings = sqliteTable('csat_settings', {
  id: text('id').primaryKey(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  /** Minutes after resolution before asking. */
  delayMinutes: integer('delay_minutes').notNull().default(0),
  /** Language of the question and buttons inside the 24-hour window. */
  language: text('language', { enum: CSAT_LANGUAGES }).notNull().default('es'),
  /** Approved template (with three quick-reply buttons: bad, neutral, good) used outside the window. */
  templateName: text('template_name'),
  templateLanguage: text('template_language'),
  /** Never ask the same customer twice within this many days. */
  cooldownDays: integer('cooldown_days').notNull().default(30),
  /** Scores at or below this notify the supervisors. */
  lowScore: integer('low_score').notNull().default(2),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('csat_settings_team_unique').on(t.teamId)]);

/** One survey per resolution asked: how it was sent, the score (1–5) and an optional comment. */
export const csatSurveys = sqliteTable('csat_surveys', {
  id: text('id').primaryKey(),
  conversationId: text('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
  contactId: text('contact_id').notNull().references(() => contacts.id, { onDelete: 'cascade' }),
  teamId: text('team_id'),
  assigneeId: text('assignee_id'),
  /** The resolution this survey is about (the conversation's resolvedAt). */
  resolvedAt: integer('resolved_at').notNull(),
  via: text('via', { enum: ['buttons', 'template'] }).notNull(),
  messageId: text('message_id'),
  status: text('status', { enum: CSAT_SURVEY_STATUSES }).notNull(),
  score: integer('score'),
  comment: text('comment'),
  sentAt: integer('sent_at').notNull(),
  answeredAt: integer('answered_at'),
}, (t) => [
  index('csat_surveys_contact_idx').on(t.contactId, t.sentAt),
  uniqueIndex('csat_surveys_resolution_unique').on(t.conversationId, t.resolvedAt),
]);
