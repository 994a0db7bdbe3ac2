/**
 * The lifecycle settings screen as one unit: reopen window, auto-resolve (+ closing message),
 * offline timeout, unattended alert threshold, how long someone who gave a conversation back is
 * skipped, the out-of-office reply (frequency and text per customer language), and whether a
 * message the customer deleted keeps its content for admins. Each value is
 * validated by its own schema in `core/settings.ts`; saving writes (and audits) only what changed.
 */
import { z } from 'zod';
import { transaction } from '../../db/client';
import type { Core } from '../context';
import { getSetting, setSetting, SETTINGS, type SettingKey, type SettingValue } from '../settings';
import type { Actor } from '../types';

export const LIFECYCLE_KEYS = [
  'lifecycle.reopenWindowMinutes', 'lifecycle.autoResolveHours', 'lifecycle.autoResolveMessage', 'routing.offlineTimeoutMinutes',
  'alerts.unattendedMinutes', 'routing.releaseCooldownMinutes', 'hours.outOfOfficeEveryHours', 'hours.outOfOfficeMessages',
  'messages.keepDeletedContent',
] as const satisfies readonly SettingKey[];
type LifecycleKey = (typeof LIFECYCLE_KEYS)[number];
export type LifecycleSettings = { [K in LifecycleKey]: SettingValue<K> };

/** Validates a whole lifecycle form: every key, with the same schema the setting uses. */
export const lifecycleSettingsSchema = z.object(Object.fromEntries(LIFECYCLE_KEYS.map((k) => [k, SETTINGS[k].schema])) as { [K in LifecycleKey]: (typeof SETTINGS)[K]['schema'] });

/** Current values (defaults where unset). */
export function readLifecycleSettings(core: Core): LifecycleSettings {
  return Object.fromEntries(LIFECYCLE_KEYS.map((k) => [k, getSetting(core, k)])) as LifecycleSettings;
}

/** Validates everything first, then stores the changed values in one transaction (each audited). Returns the changed keys. */
export function saveLifecycleSettings(core: Core, input: unknown, actor: Actor | null): LifecycleKey[] {
  const data = lifecycleSettingsSchema.parse(input) as LifecycleSettings;
  const before = readLifecycleSettings(core);
  const changed = LIFECYCLE_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(data[k]));
  transaction(core.db, () => {
    for (const key of changed) setSetting(core, key, data[key] as never, actor);
  });
  return changed;
}
