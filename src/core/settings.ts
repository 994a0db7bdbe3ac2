/**
 * Typed key-value settings stored in the `settings` table. Every key has a zod schema and a
 * default, so readers always get a valid value even before an admin changed anything.
 */
import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '../db/client';
import { z } from 'zod';
import { settings } from '../db/schema';
import { recordAudit } from './audit';
import type { Core } from './context';
import type { Actor } from './types';

const minutes = z.number().int().min(0).max(60 * 24 * 30);

/** Known settings, their validation and defaults. */
export const SETTINGS = {
  /** A customer message within this window after resolution reopens the conversation. */
  'lifecycle.reopenWindowMinutes': { schema: minutes, default: 24 * 60 },
  /** Open conversations of an agent offline longer than this go back to the team queue. */
  'routing.offlineTimeoutMinutes': { schema: minutes, default: 10 },
  /** An agent who gives a conversation back (unassign) is skipped for it by automatic routing this long. */
  'routing.releaseCooldownMinutes': { schema: minutes, default: 30 },
  /** Resolve a conversation after this many hours without customer messages (0 = never). */
  'lifecycle.autoResolveHours': { schema: z.number().min(0).max(24 * 90), default: 0 },
  /** Sent when auto-resolving (only inside the 24-hour window); empty = none. */
  'lifecycle.autoResolveMessage': { schema: z.string().max(1000), default: '' },
  /** Alert when a customer waits longer than this without a human reply (0 = off). */
  'alerts.unattendedMinutes': { schema: minutes, default: 15 },
  /** The out-of-office reply is sent at most once per this many hours per conversation. */
  'hours.outOfOfficeEveryHours': { schema: z.number().min(0).max(24 * 30), default: 4 },
  /** Company-wide out-of-office reply per customer language (a team's own message wins); empty = none. */
  'hours.outOfOfficeMessages': { schema: z.object({ es: z.string().max(1000), 'pt-BR': z.string().max(1000), en: z.string().max(1000) }), default: { es: '', 'pt-BR': '', en: '' } },
  /** Knowledge-base bot: on/off, minimum retrieval confidence, and when it covers (see src/ai/kb/bot.ts). */
  'ai.bot': { schema: z.object({ enabled: z.boolean(), threshold: z.number().min(0).max(1), mode: z.enum(['always', 'after_hours']) }), default: { enabled: false, threshold: 0.5, mode: 'always' } },
  /** Optional generative answers from an OpenAI-compatible endpoint; the API key is sealed with encryptSecret. */
  'ai.generative': { schema: z.object({ enabled: z.boolean(), baseUrl: z.string().max(500), model: z.string().max(200), apiKeySealed: z.string().max(2000) }), default: { enabled: false, baseUrl: '', model: '', apiKeySealed: '' } },
  /** A message the customer (or the business app) deleted for everyone keeps its content for admins and audit (off: erased). */
  'messages.keepDeletedContent': { schema: z.boolean(), default: true },
  /** Let transformers.js download missing model files from the Hub at start-up (off: nothing leaves the box). */
  'ai.allowModelDownloads': { schema: z.boolean(), default: false },
} as const;
export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;

const settingByKey = preparedQuery((db) => db.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare());

/** The stored value of a setting, or its default when unset or invalid. */
export function getSetting<K extends SettingKey>(core: Core, key: K): SettingValue<K> {
  const row = settingByKey(core.db).get({ key });
  const parsed = row ? SETTINGS[key].schema.safeParse(row.value) : null;
  return (parsed?.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

/** Validates and stores a setting (audited). */
export function setSetting<K extends SettingKey>(core: Core, key: K, value: SettingValue<K>, actor: Actor | null): void {
  const data = SETTINGS[key].schema.parse(value);
  const now = core.clock.now();
  core.db.insert(settings).values({ key, value: data, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: data, updatedAt: now } }).run();
  recordAudit(core, actor, 'setting.update', { type: 'setting', id: key }, { value: data });
}
