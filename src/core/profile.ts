/**
 * The signed-in user's own profile: name, avatar colour, language, notification settings
 * (`users.notification_settings`: sound, browser notifications, mute until) and password change
 * (checks the current password, then revokes every other session of the user). Availability is
 * set through `setAvailability` in availability.ts.
 */
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '../db/schema';
import { recordAudit } from './audit';
import type { Core } from './context';
import { fail } from './errors';
import type { Actor, PublicUser } from './types';
import { getUserOrThrow, LOCALES, newUserSchema, setPassword, toPublicUser, updateUser } from './users';

export const notificationSettingsSchema = z.object({
  /** Play a short sound for new messages in my conversations and mentions. */
  sound: z.boolean().default(true),
  /** Show browser (system) notifications. */
  browser: z.boolean().default(true),
  /** No sound or notifications until this time (ms); null: not muted. */
  muteUntil: z.number().int().positive().nullable().default(null),
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(120),
  locale: z.enum(LOCALES),
  avatarColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #0f766e').nullable().default(null),
});

/** The user's notification settings with defaults filled in (invalid stored values are ignored). */
export function notificationSettingsOf(user: Pick<PublicUser, 'notificationSettings'> | null): NotificationSettings {
  const parsed = notificationSettingsSchema.safeParse(user?.notificationSettings ?? {});
  return parsed.success ? parsed.data : notificationSettingsSchema.parse({});
}

/** Changes the user's own name, language and avatar colour. Audited as `user.update`. */
export function updateProfile(core: Core, userId: string, input: z.input<typeof profileSchema>, actor: Actor): PublicUser {
  const data = profileSchema.parse(input);
  updateUser(core, userId, { name: data.name, locale: data.locale }, actor);
  core.db.update(users).set({ avatarColor: data.avatarColor, updatedAt: core.clock.now() }).where(eq(users.id, userId)).run();
  return toPublicUser(getUserOrThrow(core, userId));
}

/** Stores the user's notification settings. */
export function updateNotificationSettings(core: Core, userId: string, input: z.input<typeof notificationSettingsSchema>): NotificationSettings {
  const data = notificationSettingsSchema.parse(input);
  core.db.update(users).set({ notificationSettings: data, updatedAt: core.clock.now() }).where(eq(users.id, userId)).run();
  return data;
}

/**
 * Changes the password after checking the current one (422 on `current` when wrong), then signs
 * out every other session of the user; `keepSessionId` (the caller's session) stays valid.
 */
export async function changePassword(core: Core, userId: string, input: { current: string; next: string }, keepSessionId: string | null, actor: Actor): Promise<void> {
  const user = getUserOrThrow(core, userId);
  if (!(await Bun.password.verify(input.current, user.passwordHash))) {
    throw fail.unprocessable('Your current password is not correct', { field: 'current' });
  }
  z.object({ next: newUserSchema.shape.password }).parse({ next: input.next });
  await setPassword(core, userId, input.next, actor);
  const others = keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId);
  const revoked = core.db.delete(sessions).where(others).returning({ id: sessions.id }).all().length;
  recordAudit(core, actor, 'user.sessions_revoked', { type: 'user', id: userId }, { reason: 'password_change', count: revoked });
}
