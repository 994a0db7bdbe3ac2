/**
 * Every event of the system and its payload. The names double as WebSocket topics, outbound
 * webhook event types and plugin hook names. Events are published only after the transaction
 * that caused them has committed.
 */
import type { Actor, Contact, Conversation, Message, PublicUser, WebhookEvent } from './types';

export interface TurnoEvents {
  /**
   * A message was stored: a customer's message, a reply (agent, bot, template, or sent from the
   * phone app), or a private note (`message.isPrivate`).
   */
  'message.created': {
    message: Message;
    conversation: Conversation;
    contact: Contact;
    /** The message opened a new conversation. */
    isNewConversation: boolean;
    /** This inbound message reopened the conversation or woke it from snooze. */
    statusChanged?: boolean;
  };
  /** A stored message changed: its delivery status, a reaction, its content, or a downloaded attachment. */
  'message.updated': { message: Message; conversation: Conversation; change: 'status' | 'reaction' | 'content' | 'attachment' };
  'conversation.created': { conversation: Conversation; contact: Contact };
  /** The conversation's status, priority or labels changed. */
  'conversation.updated': {
    conversation: Conversation;
    /** What changed, e.g. `['status']`, `['priority']`, `['labels']`. */
    changes: string[];
    actor: Actor | null;
  };
  /** The assignee and/or team changed (manually, by routing, a rule or the API). */
  'conversation.assigned': {
    conversation: Conversation;
    previousAssigneeId: string | null;
    previousTeamId: string | null;
    /** Who assigned (null: automatic). */
    actor: Actor | null;
    /** Why, for the history: `mode` (manual, claim, take_over, rule, channel_team, offline_timeout, …) and its details. */
    reason: Record<string, unknown>;
  };
  'contact.updated': { contact: Contact };
  'user.created': { user: PublicUser };
  'user.updated': {
    user: PublicUser;
    /** Names of the changed fields. */
    changes: string[];
  };
  'user.presence': { userId: string; availability: 'online' | 'away' | 'offline' };
  /** Sessions ended (logout, revocation, deactivation): their open sockets are closed. */
  'session.revoked': { userId: string | null; sessionIds: string[] };
  'webhook.received': { event: WebhookEvent };
  'audit.logged': { action: string; actorId: string | null; targetType: string | null; targetId: string | null };
  'mention.created': { userId: string; messageId: string; conversationId: string; /** Who wrote the note (null: not a user). */ authorName: string | null };
  'job.dead': { jobId: string; type: string; error: string };
  /** A channel's status changed. */
  'channel.status': {
    channelId: string;
    /** `active`, `disabled`, `needs_reauth` or `paused`. */
    status: string;
    reason: string | null;
  };
  /** An SLA target is close to its due time. */
  'sla.warning': {
    conversation: Conversation;
    /** `first_response`, `next_response` or `resolution`. */
    metric: string;
    /** When the target is due (ms since epoch). */
    dueAt: number;
  };
  /** An SLA target was missed. */
  'sla.breached': {
    conversation: Conversation;
    /** `first_response`, `next_response` or `resolution`. */
    metric: string;
    dueAt: number;
  };
  /** A customer has waited unanswered for the configured alert time; the team, assignee and supervisors were alerted. */
  'conversation.unattended': {
    conversation: Conversation;
    waitingMs: number;
    /** The users who were notified. */
    notifiedUserIds: string[];
  };
  /** In-app notifications stored for users (one row each); realtime pushes toasts and the bell count. */
  'notifications.created': { kind: string; conversationId: string | null; userIds: string[]; details: Record<string, unknown> };
  /** A customer answered a satisfaction survey (score 1–5) or added a comment to their answer. */
  'csat.received': { conversationId: string; surveyId: string; score: number; comment: string | null };
}

export type EventName = keyof TurnoEvents & string;

/**
 * Domain events others must not miss: each is written to the event log in the transaction of the
 * change (src/core/event-log.ts) and delivered at least once, in order, to durable consumers —
 * routing, plugins (`api.on`) and outbound webhooks. The others (presence, sessions, audit, raw
 * webhooks, dead jobs, in-app notifications) are in-memory signals only.
 */
export const DURABLE_EVENTS = [
  'message.created', 'message.updated', 'conversation.created', 'conversation.updated', 'conversation.assigned',
  'contact.updated', 'user.created', 'user.updated', 'mention.created', 'channel.status',
  'sla.warning', 'sla.breached', 'conversation.unattended', 'csat.received',
] as const satisfies readonly EventName[];

export type DurableEventName = (typeof DURABLE_EVENTS)[number];

/** True when `name` is one of the durable domain events. */
export function isDurableEvent(name: string): name is DurableEventName {
  return (DURABLE_EVENTS as readonly string[]).includes(name);
}
