/**
 * What the audit log page needs to say "who did what to which thing" in words: the names of the
 * users, teams, channels and labels, and the numbers of the conversations its rows mention.
 */
import { inArray } from 'drizzle-orm';
import { conversations } from '../db/schema';
import { listChannels } from './channels';
import type { Core } from './context';
import { listLabels } from './labels';
import { listTeams } from './teams';
import { listUsers } from './users';

export interface AuditSubjects {
  users: Map<string, string>;
  teams: Map<string, string>;
  channels: Map<string, string>;
  labels: Map<string, string>;
  /** Conversation id → its number (#N). */
  conversations: Map<string, number>;
}

/** Names and numbers for the audit rows' targets and the ids in their details. */
export function auditSubjects(core: Core, rows: Array<{ targetType: string | null; targetId: string | null; details: Record<string, unknown> }>): AuditSubjects {
  const conversationIds = new Set<string>();
  for (const r of rows) {
    if (r.targetType === 'conversation' && r.targetId) conversationIds.add(r.targetId);
    if (typeof r.details.conversationId === 'string') conversationIds.add(r.details.conversationId);
  }
  const numbers = conversationIds.size
    ? core.db.select({ id: conversations.id, number: conversations.number }).from(conversations).where(inArray(conversations.id, [...conversationIds])).all()
    : [];
  return {
    users: new Map(listUsers(core).map((u) => [u.id, u.name])),
    teams: new Map(listTeams(core).map((t) => [t.id, t.name])),
    channels: new Map(listChannels(core).map((c) => [c.id, c.name])),
    labels: new Map(listLabels(core).map((l) => [l.id, l.name])),
    conversations: new Map(numbers.map((c) => [c.id, c.number])),
  };
}
