/** Stored business hours per team (or the company default) and the out-of-office message. */
import { eq, isNull, sql } from 'drizzle-orm';
import { preparedQuery } from '../../db/client';
import { z } from 'zod';
import { businessHours } from '../../db/schema';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import type { Actor } from '../types';
import { isOpenAt, isValidTimeZone, type BusinessHoursSpec } from './business-hours';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'Use HH:MM (24-hour)');
export const businessHoursSchema = z.object({
  timezone: z.string().refine(isValidTimeZone, 'Unknown time zone (use e.g. America/Bogota)'),
  weekly: z.array(z.object({ day: z.number().int().min(0).max(6), from: hhmm, to: hhmm })
    .refine((i) => i.from < i.to, 'The closing time must be after the opening time')).max(50),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')).max(366),
  outOfOfficeMessage: z.string().max(1000).default(''),
});
export type StoredBusinessHours = BusinessHoursSpec & { outOfOfficeMessage: string };

/** The team's hours, else the company default, else null (always open). */
export function hoursFor(core: Core, teamId: string | null): StoredBusinessHours | null {
  const own = teamId ? teamHours(core.db).get({ teamId }) : undefined;
  return own ?? companyHours(core.db).get() ?? null;
}

const teamHours = preparedQuery((db) => db.select().from(businessHours).where(eq(businessHours.teamId, sql.placeholder('teamId'))).prepare());
const companyHours = preparedQuery((db) => db.select().from(businessHours).where(isNull(businessHours.teamId)).prepare());

/** True when the team (or the company default) is open at `at`; no hours configured = open. */
export function isTeamOpen(core: Core, teamId: string | null, at: number): boolean {
  const hours = hoursFor(core, teamId);
  return hours ? isOpenAt(hours, at) : true;
}

/** Replaces the hours of a team (`null` = company default); audited. */
export function saveBusinessHours(core: Core, teamId: string | null, input: z.input<typeof businessHoursSchema>, actor: Actor | null): void {
  const data = businessHoursSchema.parse(input);
  const now = core.clock.now();
  const existing = core.db.select().from(businessHours).where(teamId ? eq(businessHours.teamId, teamId) : isNull(businessHours.teamId)).get();
  if (existing) core.db.update(businessHours).set({ ...data, updatedAt: now }).where(eq(businessHours.id, existing.id)).run();
  else core.db.insert(businessHours).values({ id: newId(), teamId, ...data, updatedAt: now }).run();
  recordAudit(core, actor, 'business_hours.update', { type: 'team', id: teamId ?? 'default' }, data);
}

/** The hours stored for exactly this team (`null` = the company default), without falling back. */
export function ownHours(core: Core, teamId: string | null): StoredBusinessHours | null {
  return core.db.select().from(businessHours).where(teamId ? eq(businessHours.teamId, teamId) : isNull(businessHours.teamId)).get() ?? null;
}

/** Every stored set of hours: the company default (teamId null) and each team's own. */
export function listBusinessHours(core: Core): Array<StoredBusinessHours & { teamId: string | null; id: string }> {
  return core.db.select().from(businessHours).all();
}
