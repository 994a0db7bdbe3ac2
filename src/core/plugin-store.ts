/**
 * Persistence of plugins: their enable flag and settings, their key-value entries and the SQL
 * migrations applied from their folders. The plugin host (src/plugin-host) is the only caller.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import { transaction } from '../db/client';
import { pluginKv, pluginMigrations, plugins } from '../db/schema';
import type { Core } from './context';

export type PluginRow = typeof plugins.$inferSelect;

/** The stored state of plugin `id` (enabled with no settings when never seen). */
export function pluginState(core: Core, id: string): PluginRow {
  return core.db.select().from(plugins).where(eq(plugins.id, id)).get()
    ?? { id, enabled: true, settings: null, disabledReason: null, updatedAt: 0 };
}

/** Saves parts of a plugin's state (creating its row on first save). */
export function savePluginState(core: Core, id: string, changes: Partial<Omit<PluginRow, 'id' | 'updatedAt'>>): PluginRow {
  const next = { ...pluginState(core, id), ...changes, updatedAt: core.clock.now() };
  core.db.insert(plugins).values(next).onConflictDoUpdate({ target: plugins.id, set: { ...changes, updatedAt: next.updatedAt } }).run();
  return next;
}

/** One key-value entry of a plugin. */
export function kvGet(core: Core, pluginId: string, key: string): unknown {
  return core.db.select({ value: pluginKv.value }).from(pluginKv).where(and(eq(pluginKv.pluginId, pluginId), eq(pluginKv.key, key))).get()?.value;
}

/** Stores (or replaces) one key-value entry; the value must be JSON-serialisable. */
export function kvSet(core: Core, pluginId: string, key: string, value: unknown): void {
  const now = core.clock.now();
  core.db.insert(pluginKv).values({ pluginId, key, value, updatedAt: now })
    .onConflictDoUpdate({ target: [pluginKv.pluginId, pluginKv.key], set: { value, updatedAt: now } }).run();
}

/** Removes one key-value entry. */
export function kvDelete(core: Core, pluginId: string, key: string): void {
  core.db.delete(pluginKv).where(and(eq(pluginKv.pluginId, pluginId), eq(pluginKv.key, key))).run();
}

/** Entries whose key starts with `prefix`, by key. */
export function kvList(core: Core, pluginId: string, prefix = ''): Array<{ key: string; value: unknown }> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return core.db.select({ key: pluginKv.key, value: pluginKv.value }).from(pluginKv)
    .where(and(eq(pluginKv.pluginId, pluginId), like(pluginKv.key, `${escaped}%`)))
    .orderBy(asc(pluginKv.key)).all()
    .filter((row) => row.key.startsWith(prefix));
}

/**
 * Applies the plugin's SQL migrations that have not run yet, each in its own transaction together
 * with its record, in the order given. Returns the names applied now.
 */
export function applyPluginMigrations(core: Core, pluginId: string, files: Array<{ name: string; sql: string }>): string[] {
  const done = new Set(core.db.select({ name: pluginMigrations.name }).from(pluginMigrations).where(eq(pluginMigrations.pluginId, pluginId)).all().map((r) => r.name));
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file.name)) continue;
    transaction(core.db, () => {
      core.db.$client.run(file.sql);
      core.db.insert(pluginMigrations).values({ pluginId, name: file.name, appliedAt: core.clock.now() }).run();
    });
    applied.push(file.name);
  }
  return applied;
}
