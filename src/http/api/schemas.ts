/** Response shapes of the public API (the single source of truth for the OpenAPI document). */
import { z } from 'zod';
import { ROLES } from '../../db/schema/enums';

export const userOut = z.object({
  id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES), locale: z.string().nullable(),
  active: z.boolean(), availability: z.string(), capacity: z.number(),
});
export const errorOut = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
export const idParams = z.object({ id: z.string().min(1) });

/** Projects a user row onto the public API shape. */
export function serializeUser(u: z.input<typeof userOut> & Record<string, unknown>): z.output<typeof userOut> {
  return { id: u.id, email: u.email, name: u.name, role: u.role, locale: u.locale ?? null, active: u.active, availability: u.availability, capacity: u.capacity };
}
