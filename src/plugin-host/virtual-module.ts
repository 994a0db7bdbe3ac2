/**
 * Makes `import … from 'turno/plugin'` resolve to the host's public plugin module wherever a
 * plugin file lives (a data folder, the compiled binary's side), through a Bun virtual module.
 */
import { plugin } from 'bun';
import * as publicModule from './public';

let registered = false;

/** Registers the `turno/plugin` virtual module once per process (before any plugin is imported). */
export function registerPluginModule(): void {
  if (registered) return;
  registered = true;
  plugin({
    name: 'turno-plugin-module',
    setup(build) {
      build.module('turno/plugin', () => ({ exports: { ...publicModule }, loader: 'object' }));
    },
  });
}
