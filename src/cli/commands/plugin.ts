/**
 * `turno plugin new <id>` scaffolds a working plugin in TURNO_PLUGINS_DIR (`<id>/index.ts`,
 * `<id>/migrations/0001_init.sql`, `<id>/index.test.ts`); `turno plugin list` loads the plugins
 * without starting the server and prints one line per plugin: id, version, status and error.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadConfig } from '../../config';
import { PLUGIN_ID, pluginDirs } from '../../plugin-host/loader';
import { CliError, parseFlags } from '../args';
import type { Command } from '../commands';
import { withApp } from '../context';
import { pluginIndex, pluginMigration, pluginTest } from '../plugin-scaffold';
import { table } from '../table';

const USAGE = 'plugin new <id> | plugin list';
/** Turno's test helpers in a source checkout (absent from the compiled binary). */
const TEST_HELPERS = join(import.meta.dir, '..', '..', '..', 'test', 'helpers');

/** The import path of the test helpers from `folder` (always with `/`, always relative-looking). */
function helpersImport(folder: string): string {
  const path = relative(folder, TEST_HELPERS).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** Writes a new plugin folder; returns its path. */
function scaffold(id: string | undefined): string {
  if (!id) throw new CliError(`usage: turno ${USAGE}`, 2);
  if (!PLUGIN_ID.test(id)) throw new CliError(`"${id}" is not a valid plugin id: use 2–40 lower-case letters, digits or dashes, starting with a letter`);
  // Several folders may be configured; new plugins go in the first (in Docker, the data volume's).
  const folder = join(pluginDirs(loadConfig().pluginsDir)[0]!, id);
  if (existsSync(folder) || existsSync(`${folder}.ts`) || existsSync(`${folder}.js`)) throw new CliError(`${folder} already exists; choose another id or remove it`);
  mkdirSync(join(folder, 'migrations'), { recursive: true });
  writeFileSync(join(folder, 'index.ts'), pluginIndex(id));
  writeFileSync(join(folder, 'migrations', '0001_init.sql'), pluginMigration(id));
  writeFileSync(join(folder, 'index.test.ts'), pluginTest(id, helpersImport(folder)));
  if (!existsSync(join(TEST_HELPERS, 'test-app.ts'))) {
    console.error('note: index.test.ts imports Turno\'s test helpers, which come with a source checkout; point its imports at one to run it (docs/plugins.md, "Testing")');
  }
  return folder;
}

/** One line per plugin: id, version, status and why it failed or was disabled. */
async function list(): Promise<number> {
  return withApp(async (app) => {
    await app.loadPlugins();
    const plugins = app.plugins.list();
    if (plugins.length === 0) {
      console.log(`no plugins in ${app.core.config.pluginsDir}`);
      return 0;
    }
    const rows = plugins.map((p) => [p.id, p.version, p.status, (p.error ?? '').replace(/\s+/g, ' ').trim()]);
    console.log(table([['ID', 'VERSION', 'STATUS', 'ERROR'], ...rows]));
    return 0;
  }, { logLevel: 'silent' });
}

export const pluginCommand: Command = {
  summary: 'Create a plugin from the example, or list plugins and their status',
  usage: USAGE,
  async run(args) {
    const { positionals } = parseFlags(args, {});
    const [action, id, ...rest] = positionals;
    if (action === 'list' && id === undefined) return list();
    if (action !== 'new' || rest.length > 0) throw new CliError(`usage: turno ${USAGE}`, 2);
    const folder = scaffold(id);
    console.log(folder);
    return 0;
  },
};
