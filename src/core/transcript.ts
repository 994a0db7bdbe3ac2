/**
 * Read models of a whole conversation: who takes part in it, its transcript as plain text (API), and
 * the customer-facing messages of the printable transcript page (no private notes or timeline).
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { contacts, messages, teams, users } from '../db/schema';
import type { Core } from './context';
import type { Conversation, Message } from './types';

export interface Participant { type: 'contact' | 'assignee' | 'agent' | 'team'; id: string; name: string }

/** The contact, the team, the assignee and every other user who wrote a message or note in the conversation. */
export function conversationParticipants(core: Core, conversation: Conversation): Participant[] {
  const contact = core.db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.id, conversation.contactId)).get();
  const out: Participant[] = contact ? [{ type: 'contact', id: contact.id, name: contact.name }] : [];
  const team = conversation.teamId ? core.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, conversation.teamId)).get() : undefined;
  if (team) out.push({ type: 'team', ...team });
  const writers = core.db.selectDistinct({ id: messages.senderId }).from(messages)
    .where(and(eq(messages.conversationId, conversation.id), eq(messages.senderType, 'agent'), isNotNull(messages.senderId))).all().map((r) => r.id!);
  const ids = [...new Set([conversation.assigneeId, ...writers].filter((x): x is string => !!x))];
  const people = ids.length ? core.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all() : [];
  for (const p of people.sort((a, b) => (a.id === conversation.assigneeId ? -1 : b.id === conversation.assigneeId ? 1 : a.name.localeCompare(b.name)))) {
    out.push({ type: p.id === conversation.assigneeId ? 'assignee' : 'agent', ...p });
  }
  return out;
}

/** Every message of the conversation in time order as `[time] sender: text` lines (notes marked). */
export function conversationTranscript(core: Core, conversation: Conversation) {
  const rows = core.db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.sentAt), asc(messages.id)).all();
  const contactName = core.db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, conversation.contactId)).get()?.name || 'Customer';
  const senderIds = [...new Set(rows.map((m) => m.senderId).filter((x): x is string => !!x))];
  const names = new Map(senderIds.length ? core.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, senderIds)).all().map((u) => [u.id, u.name]) : []);
  const lines = rows.map((m) => ({
    at: m.sentAt,
    from: m.direction === 'inbound' ? contactName : m.senderType === 'bot' ? 'Bot' : m.senderType === 'system' ? 'System' : (names.get(m.senderId ?? '') ?? 'Agent'),
    text: m.content || `[${m.type}]`,
    private: m.isPrivate,
  }));
  const text = lines.map((l) => `[${new Date(l.at).toISOString()}] ${l.from}${l.private ? ' (note)' : ''}: ${l.text}`).join('\n');
  return { conversationId: conversation.id, number: conversation.number, text, lines };
}

/** The most messages one transcript holds (a printable page, not an export). */
export const TRANSCRIPT_LIMIT = 5000;

/** The conversation's non-private messages in provider-time order, at most `TRANSCRIPT_LIMIT`. */
export function transcriptMessages(core: Core, conversationId: string): Message[] {
  return core.db.select().from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.isPrivate, false)))
    .orderBy(asc(messages.sentAt), asc(messages.id)).limit(TRANSCRIPT_LIMIT).all();
}
