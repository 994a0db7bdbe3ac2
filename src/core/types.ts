/** Row types inferred from the schema, shared by core, views and http. */
import type * as s from '../db/schema';

export type User = typeof s.users.$inferSelect;
export type Session = typeof s.sessions.$inferSelect;
export type Team = typeof s.teams.$inferSelect;
export type Channel = typeof s.channels.$inferSelect;
export type Contact = typeof s.contacts.$inferSelect;
export type ContactIdentity = typeof s.contactIdentities.$inferSelect;
export type Conversation = typeof s.conversations.$inferSelect;
export type ConversationEvent = typeof s.conversationEvents.$inferSelect;
export type Message = typeof s.messages.$inferSelect;
export type Attachment = typeof s.attachments.$inferSelect;
export type Label = typeof s.labels.$inferSelect;
export type Job = typeof s.jobs.$inferSelect;
export type WebhookEvent = typeof s.webhookEvents.$inferSelect;

/** A user as safe to show or serialise (no password hash). */
export type PublicUser = Omit<User, 'passwordHash'>;

/** Who performs an action: a signed-in user, an API token's user, or the system itself. */
export type Actor =
  | { type: 'user'; user: PublicUser; ip?: string | null }
  | { type: 'system'; name: string };
