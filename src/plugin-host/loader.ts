/**
 * Finding and importing plugin files: every `*.ts` / `*.js` file and every folder with an
 * `index.ts` (or `index.js`) directly inside the plugins folder, in name order. A file that cannot
 * be imported, or whose default export is not a plugin definition, becomes a failed entry with the
 * reason; it never stops the others.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginDefinition } from './types';
import { registerPluginModule } from './virtual-module';

export const PLUGIN_ID = /^[a-z][a-z0-9-]{1,39}$/;

export interface PluginSource {
  /** The file or folder, relative names in messages. */
  path: string;
  /** The folder holding `migrations/` (the plugin's folder, or null for a single file). */
  folder: string | null;
  entry: string;
}

export type LoadedPlugin =
  | { ok: true; source: PluginSource; definition: PluginDefinition }
  | { ok: false; source: PluginSource; error: string };

/** The folders of a TURNO_PLUGINS_DIR value (several are separated by ':'). */
export function pluginDirs(value: string): string[] {
  return value.split(delimiter).map((d) => d.trim()).filter(Boolean);
}

/** The plugin entry points in the folders of `dirs` (one path or several separated by ':'), each folder's sorted by name. */
export function discoverPlugins(dirs: string): PluginSource[] {
  return pluginDirs(dirs).flatMap(discoverIn);
}

function discoverIn(dir: string): PluginSource[] {
  if (!existsSync(dir)) return [];
  const sources: PluginSource[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name.startsWith('_') || name === 'node_modules') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile() && /\.(ts|js)$/.test(name) && !/\.(test|d)\.(ts|js)$/.test(name)) sources.push({ path, folder: null, entry: path });
    if (stat.isDirectory()) {
      const entry = ['index.ts', 'index.js'].map((f) => join(path, f)).find((f) => existsSync(f));
      if (entry) sources.push({ path, folder: path, entry });
    }
  }
  return sources;
}

/** What is wrong with a module's default export, or null when it is a usable definition. */
export function definitionProblem(value: unknown): string | null {
  const d = value as Partial<PluginDefinition> | undefined;
  if (!d || typeof d !== 'object') return 'the file has no default export; export default definePlugin({ … })';
  if (typeof d.id !== 'string' || !PLUGIN_ID.test(d.id)) return `id "${String(d.id)}" must be 2–40 lower-case letters, digits or dashes, starting with a letter`;
  if (typeof d.name !== 'string' || d.name.trim() === '') return 'name is missing';
  if (typeof d.version !== 'string' || !/^\d+\.\d+\.\d+/.test(d.version)) return `version "${String(d.version)}" must look like 1.0.0`;
  if (typeof d.setup !== 'function') return 'setup(api) is missing';
  return null;
}

/** Imports one plugin entry point. */
export async function importPlugin(source: PluginSource): Promise<LoadedPlugin> {
  registerPluginModule();
  try {
    const mod = await import(pathToFileURL(source.entry).href);
    const problem = definitionProblem(mod.default);
    return problem ? { ok: false, source, error: problem } : { ok: true, source, definition: mod.default };
  } catch (error) {
    return { ok: false, source, error: `could not load: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The SQL migrations of a plugin folder (`migrations/*.sql`, by name). */
export function readPluginMigrations(folder: string | null): Array<{ name: string; sql: string }> {
  const dir = folder ? join(folder, 'migrations') : null;
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** A display name for a failed source (file or folder name). */
export function sourceName(source: PluginSource): string {
  return basename(source.path).replace(/\.(ts|js)$/, '');
}
