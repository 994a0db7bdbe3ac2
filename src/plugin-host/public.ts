/**
 * The module plugins import as `turno/plugin`: `definePlugin`, the host's `z` (so a plugin needs no
 * npm install and its schemas are the host's), `html` for escaped markup, and every public type.
 * Resolved by tsconfig paths in the repository and by a Bun virtual module everywhere else
 * (src/plugin-host/virtual-module.ts), including the compiled binary.
 */
import type { z } from 'zod';
import type { PluginDefinition } from './types';

export { z } from 'zod';
export { html, SafeHtml } from '../lib/html';
export type * from './types';

/** Declares a plugin; returns the definition unchanged (it exists for type inference). */
export function definePlugin<S extends z.ZodType = z.ZodType<Record<string, unknown>>>(definition: PluginDefinition<S>): PluginDefinition<S> {
  return definition;
}
