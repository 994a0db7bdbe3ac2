/** In-app notifications for supervisors and team members (SLA alerts, unattended chats). */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notifications, users } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Core } from '../context';
import { membersOfTeams } from '../visibility';

/** Active supervisors and admins. */
export function supervisorIds(core: Core): string[] {
  return core.db.select({ id: users.id }).from(users)
    .where(and(inArray(users.role, ['admin', 'supervisor']), eq(users.active, true))).all().map((r) => r.id);
}

/** Who hears about a conversation's alert: its assignee, its team's members and every supervisor. */
export function alertAudience(core: Core, conversation: { assigneeId: string | null; teamId: string | null }): string[] {
  const ids = new Set([...supervisorIds(core), ...membersOfTeams(core, conversation.teamId ? [conversation.teamId] : [])]);
  if (conversation.assigneeId) ids.add(conversation.assigneeId);
  return [...ids];
}

/** Stores one notification row per user. */
export function notify(core: Core, userIds: string[], kind: string, conversationId: string | null, details: Record<string, unknown>): void {
  const now = core.clock.now();
  for (const userId of userIds) {
    core.db.insert(notifications).values({ id: newId(), userId, kind, conversationId, details, readAt: null, createdAt: now }).run();
  }
}

/** A user's unread notifications, newest first. */
export function unreadNotifications(core: Core, userId: string, limit = 50) {
  return core.db.select().from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt)).limit(limit).all();
}
