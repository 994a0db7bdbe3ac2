/**
 * In-app notifications for supervisors and team members (SLA alerts, unattended chats): stored
 * per user, listed newest first, marked read one by one or all at once. Storing publishes
 * `notifications.created` (realtime turns it into a toast, a bell entry and a browser notification).
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notifications, users } from '../../db/schema';
import { afterCommit, transaction } from '../../db/client';
import { newId } from '../../lib/ids';
import type { Core } from '../context';
import { fail } from '../errors';
import { membersOfTeams } from '../visibility';

export type NotificationRow = typeof notifications.$inferSelect;

/** Active supervisors and admins. */
export function supervisorIds(core: Core): string[] {
  return core.db.select({ id: users.id }).from(users)
    .where(and(inArray(users.role, ['admin', 'supervisor']), eq(users.active, true))).all().map((r) => r.id);
}

/** Active admins (they hear about what only admins can fix: disabled plugins and webhooks). */
export function adminIds(core: Core): string[] {
  return core.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).all().map((r) => r.id);
}

/** Who hears about a conversation's alert: its assignee, its team's members and every supervisor. */
export function alertAudience(core: Core, conversation: { assigneeId: string | null; teamId: string | null }): string[] {
  const ids = new Set([...supervisorIds(core), ...membersOfTeams(core, conversation.teamId ? [conversation.teamId] : [])]);
  if (conversation.assigneeId) ids.add(conversation.assigneeId);
  return [...ids];
}

/**
 * Stores one notification row per user (all or none; inside the caller's transaction when there
 * is one) and publishes `notifications.created` once that is committed.
 */
export function notify(core: Core, userIds: string[], kind: string, conversationId: string | null, details: Record<string, unknown>): void {
  if (userIds.length === 0) return;
  const now = core.clock.now();
  transaction(core.db, () => {
    for (const userId of userIds) {
      core.db.insert(notifications).values({ id: newId(), userId, kind, conversationId, details, readAt: null, createdAt: now }).run();
    }
    afterCommit(core.db, () => core.bus.publish('notifications.created', { kind, conversationId, userIds, details }));
  });
}

/** A user's unread notifications, newest first. */
export function unreadNotifications(core: Core, userId: string, limit = 50): NotificationRow[] {
  return core.db.select().from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt)).limit(limit).all();
}

/** How many unread notifications a user has. */
export function unreadCount(core: Core, userId: string): number {
  return core.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

/** A user's latest notifications, read or not, newest first (the bell's dropdown). */
export function recentNotifications(core: Core, userId: string, limit = 20): NotificationRow[] {
  return core.db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit).all();
}

/** Marks one of the user's notifications read; someone else's id is `not_found`. Returns the row. */
export function markNotificationRead(core: Core, userId: string, id: string): NotificationRow {
  const row = core.db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).get();
  if (!row) throw fail.notFound('Notification');
  if (row.readAt === null) core.db.update(notifications).set({ readAt: core.clock.now() }).where(eq(notifications.id, id)).run();
  return row;
}

/** Marks every unread notification of the user read; returns how many changed. */
export function markAllNotificationsRead(core: Core, userId: string): number {
  return core.db.update(notifications).set({ readAt: core.clock.now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id }).all().length;
}
