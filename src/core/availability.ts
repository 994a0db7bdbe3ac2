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
