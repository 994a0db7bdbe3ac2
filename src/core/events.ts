/**
 * Every event of the system and its payload. The names double as WebSocket topics, outbound
 * webhook event types and plugin hook names. Events are published only after the transaction
 * that caused them has committed.
 */
import type { Actor, Contact, Conversation, Message, PublicUser, WebhookEvent } from './types';

export interface TurnoEvents {
  [name: string]: unknown;
  /** `statusChanged`: this inbound message reopened the conversation or woke it from snooze. */
  'message.created': { message: Message; conversation: Conversation; contact: Contact; isNewConversation: boolean; statusChanged?: boolean };
  'message.updated': { message: Message; conversation: Conversation; change: 'status' | 'reaction' | 'content' | 'attachment' };
  'conversation.created': { conversation: Conversation; contact: Contact };
  'conversation.updated': { conversation: Conversation; changes: string[]; actor: Actor | null };
  'conversation.assigned': {
    conversation: Conversation;
    previousAssigneeId: string | null;
    previousTeamId: string | null;
    actor: Actor | null;
    reason: Record<string, unknown>;
  };
  'contact.updated': { contact: Contact };
  'user.created': { user: PublicUser };
  'user.updated': { user: PublicUser; changes: string[] };
  'user.presence': { userId: string; availability: 'online' | 'away' | 'offline' };
  /** Sessions ended (logout, revocation, deactivation): their open sockets are closed. */
  'session.revoked': { userId: string | null; sessionIds: string[] };
  'webhook.received': { event: WebhookEvent };
  'audit.logged': { action: string; actorId: string | null; targetType: string | null; targetId: string | null };
  'mention.created': { userId: string; messageId: string; conversationId: string; /** Who wrote the note (null: not a user). */ authorName: string | null };
  'job.dead': { jobId: string; type: string; error: string };
  'channel.status': { channelId: string; status: string; reason: string | null };
  'sla.warning': { conversation: Conversation; metric: string; dueAt: number };
  'sla.breached': { conversation: Conversation; metric: string; dueAt: number };
  'conversation.unattended': { conversation: Conversation; waitingMs: number; notifiedUserIds: string[] };
  /** In-app notifications stored for users (one row each); realtime pushes toasts and the bell count. */
  'notifications.created': { kind: string; conversationId: string | null; userIds: string[]; details: Record<string, unknown> };
  /** A customer answered a satisfaction survey (score 1–5) or added a comment to their answer. */
  'csat.received': { conversationId: string; surveyId: string; score: number; comment: string | null };
}

export type EventName = keyof TurnoEvents & string;
