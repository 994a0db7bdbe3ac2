/**
 * Agent availability. The effective state is the manual choice when one is set, otherwise what
 * presence reports (online while a browser tab is connected and active, away after inactivity,
 * offline when no tab is connected). Changes publish `user.presence`; routing listens to it.
 */
import { eq } from 'drizzle-orm';
import { users } from '../db/schema';
import type { Availability } from '../db/schema/enums';
import type { Core } from './context';
import { getUserOrThrow } from './users';

/** The availability routing should use for a user row. */
export function effectiveAvailability(user: { availability: Availability; availabilityManual: Availability | null }): Availability {
  return user.availabilityManual ?? user.availability;
}

/**
 * Records what presence observed (`manual` false) or what the agent chose (`manual` true; pass
 * null to go back to automatic). Publishes `user.presence` when the effective state changes.
 */
export function setAvailability(core: Core, userId: string, value: Availability | null, opts: { manual: boolean }): Availability {
  const before = getUserOrThrow(core, userId);
  const now = core.clock.now();
  const changes = opts.manual
    ? { availabilityManual: value }
    : { availability: value ?? 'offline', lastSeenAt: now };
  const next = { ...before, ...changes };
  const effective = effectiveAvailability(next);
  const wasEffective = effectiveAvailability(before);
  const offlineSince = effective === 'offline' ? (wasEffective === 'offline' ? before.offlineSince : now) : null;
  core.db.update(users).set({ ...changes, offlineSince, updatedAt: now }).where(eq(users.id, userId)).run();
  if (effective !== wasEffective) core.bus.publish('user.presence', { userId, availability: effective });
  return effective;
}

/** How long after start-up agents have to reconnect before their old presence is cleared. */
export const PRESENCE_GRACE_MS = 2 * 60_000;

/**
 * After a restart, agents whose presence said online/away but whose browser has not reconnected
 * since `bootAt` are set offline (automatic presence only), so routing stops assigning to them
 * and the offline timeout starts. Returns how many were changed.
 */
export function resetStalePresence(core: Core, bootAt: number): number {
  const stale = core.db.select().from(users).all()
    .filter((u) => u.active && u.availability !== 'offline' && (u.lastSeenAt ?? 0) < bootAt);
  for (const user of stale) setAvailability(core, user.id, 'offline', { manual: false });
  return stale.length;
}
