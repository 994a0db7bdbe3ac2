/**
 * Turns core rows into the API's JSON shapes (schemas.ts): conversations embed their contact,
 * assignee, team and labels (no N+1 calls for a list), messages carry their files.
 */
import { inArray } from 'drizzle-orm';
import type { Core } from '../../core/context';
import { conversationRows } from '../../core/inbox-read';
import { attachmentsOf } from '../../core/messages';
import type { Attachment, Conversation, Message } from '../../core/types';
import { teams } from '../../db/schema';
import type { z } from 'zod';
import type { attachmentOut, conversationOut, messageWithFilesOut } from './schemas';

/** Conversations with their contact, assignee and team names and labels, in the given order. */
export function conversationsJson(core: Core, list: Conversation[]): Array<z.output<typeof conversationOut>> {
  const rows = conversationRows(core, list, null);
  const teamIds = [...new Set(list.map((c) => c.teamId).filter((x): x is string => !!x))];
  const teamNames = new Map(teamIds.length ? core.db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, teamIds)).all().map((t) => [t.id, t.name]) : []);
  return rows.map(({ conversation: c, contact, assignee, labels }) => ({
    ...c,
    contact: { id: contact.id, name: contact.name, phone: contact.phone, avatarUrl: null },
    assignee,
    team: c.teamId ? { id: c.teamId, name: teamNames.get(c.teamId) ?? '' } : null,
    labels,
  }));
}

/** One conversation as `conversationsJson` shapes it. */
export function conversationJson(core: Core, conversation: Conversation): z.output<typeof conversationOut> {
  return conversationsJson(core, [conversation])[0]!;
}

/** An attachment with its download URL. */
export function attachmentJson(a: Attachment): z.output<typeof attachmentOut> {
  return { ...a, url: `/media/${a.id}` };
}

/** Messages with their attachments. */
export function messagesJson(core: Core, list: Message[]): Array<z.output<typeof messageWithFilesOut>> {
  const files = attachmentsOf(core, list.map((m) => m.id));
  return list.map((m) => ({ ...m, attachments: files.filter((a) => a.messageId === m.id).map(attachmentJson) }));
}
