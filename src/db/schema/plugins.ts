/** Plugin state: enable flag, settings (secrets encrypted), key-value store and applied migrations. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const plugins = sqliteTable('plugins', {
  id: text('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Settings as validated by the plugin's zod schema; secret fields are stored encrypted. */
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** Why the host disabled it (repeated failures), shown on Admin → Plugins; null when an admin did. */
  disabledReason: text('disabled_reason'),
  updatedAt: integer('updated_at').notNull(),
});

export const pluginKv = sqliteTable('plugin_kv', {
  pluginId: text('plugin_id').notNull(),
  key: text('key').notNull(),
  value: text('value', { mode: 'json' }).$type<unknown>(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [primaryKey({ columns: [t.pluginId, t.key] })]);

export const pluginMigrations = sqliteTable('plugin_migrations', {
  pluginId: text('plugin_id').notNull(),
  name: text('name').notNull(),
  appliedAt: integer('applied_at').notNull(),
}, (t) => [primaryKey({ columns: [t.pluginId, t.name] })]);
