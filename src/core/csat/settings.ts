/** CSAT survey settings per team (or the company default): on/off, delay, language, template, cool-down. */
import { eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { csatSettings, messageTemplates } from '../../db/schema';
import { CSAT_LANGUAGES } from '../../db/schema/csat';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit';
import type { Core } from '../context';
import type { Actor } from '../types';

export type CsatSettings = typeof csatSettings.$inferSelect;

export const csatSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  delayMinutes: z.number().int().min(0, 'Use 0 or more minutes').max(7 * 24 * 60, 'At most 7 days').default(0),
  language: z.enum(CSAT_LANGUAGES).default('es'),
  templateName: z.string().trim().max(512).nullable().default(null).transform((v) => v || null),
  templateLanguage: z.string().trim().max(15).nullable().default(null).transform((v) => v || null),
  cooldownDays: z.number().int().min(0).max(365, 'At most 365 days').default(30),
  lowScore: z.number().int().min(1).max(4).default(2),
}).refine((v) => !v.templateName || v.templateLanguage, { message: 'Choose the template language too', path: ['templateLanguage'] });

/** The team's settings, else the company default, else null (no surveys). */
export function csatSettingsFor(core: Core, teamId: string | null): CsatSettings | null {
  const own = teamId ? core.db.select().from(csatSettings).where(eq(csatSettings.teamId, teamId)).get() : undefined;
  return own ?? core.db.select().from(csatSettings).where(isNull(csatSettings.teamId)).get() ?? null;
}

/** The settings stored for exactly this team (`null` = the company default), without falling back. */
export function ownCsatSettings(core: Core, teamId: string | null): CsatSettings | null {
  return core.db.select().from(csatSettings).where(teamId ? eq(csatSettings.teamId, teamId) : isNull(csatSettings.teamId)).get() ?? null;
}

/** Creates or replaces the settings of a team (`null` = company default); audited. */
export function saveCsatSettings(core: Core, teamId: string | null, input: z.input<typeof csatSettingsSchema>, actor: Actor | null): CsatSettings {
  const data = csatSettingsSchema.parse(input);
  const existing = ownCsatSettings(core, teamId);
  const row: CsatSettings = { id: existing?.id ?? newId(), teamId, ...data, updatedAt: core.clock.now() };
  core.db.insert(csatSettings).values(row).onConflictDoUpdate({ target: csatSettings.id, set: { ...data, updatedAt: row.updatedAt } }).run();
  recordAudit(core, actor, 'csat_settings.save', { type: 'team', id: teamId ?? 'default' }, data);
  return row;
}

/** Approved templates on any channel as `[name, language]` pairs (choices for the outside-window survey). */
export function approvedTemplateChoices(core: Core): Array<[string, string]> {
  const rows = core.db.selectDistinct({ name: messageTemplates.name, language: messageTemplates.language }).from(messageTemplates)
    .where(eq(messageTemplates.status, 'APPROVED')).orderBy(messageTemplates.name, messageTemplates.language).all();
  return rows.map((r) => [r.name, r.language]);
}
