/**
 * The plugin host of one app: loads the plugins folder at start, activates the enabled plugins
 * (their SQL migrations, then `setup(api)`), delivers their events durably, and disables a plugin
 * — removing everything it registered — when an admin asks or after repeated failures. A plugin
 * that fails to load or set up is shown as failed; the server keeps running.
 */
import type { Core } from '../core/context';
import type { DomainError } from '../core/errors';
import type { DurableConsumers, LoggedEvent } from '../core/event-cursors';
import { ensureCursor, advanceCursor, latestEventSeq } from '../core/event-cursors';
import type { DurableEventName } from '../core/events';
import { applyPluginMigrations, pluginState, savePluginState } from '../core/plugin-store';
import { adminIds, notify } from '../core/routing/notify';
import { recordAudit } from '../core/audit';
import type { Actor } from '../core/types';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../lib/logger';
import { buildPluginApi, emptyRegistrations, type Registrations } from './api';
import { importPlugin, discoverPlugins, readPluginMigrations, sourceName, type PluginSource } from './loader';
import { openSettings } from './settings';
import { SlotRegistry } from './ui-slots';
import type { PluginDefinition } from './types';
import { translator, type Locale } from '../../views/i18n';

export type PluginStatus = 'active' | 'disabled' | 'failed';

/** One plugin as the host knows it. */
export interface PluginEntry {
  id: string;
  name: string;
  version: string;
  description: string | null;
  source: PluginSource;
  definition: PluginDefinition | null;
  status: PluginStatus;
  /** Why it failed or was disabled by the host; null otherwise. */
  error: string | null;
  /** Consecutive failures of its handlers since the last success. */
  failures: number;
  reg: Registrations | null;
}

export interface PluginHostOptions {
  core: Core;
  jobs: JobRunner;
  events: DurableConsumers;
  log: Logger;
  dir: string;
  /** Consecutive failures after which a plugin is disabled (default 5). */
  failureLimit?: number;
  /** Time-out of an event handler (default 5 s). */
  handlerTimeoutMs?: number;
  /** The HTTP status of a refused domain action in a plugin route (the http layer's mapping). */
  statusOf: (error: DomainError) => number;
}

export class PluginHost {
  readonly slots: SlotRegistry;
  private entries = new Map<string, PluginEntry>();
  private failureLimit: number;

  constructor(private opts: PluginHostOptions) {
    this.failureLimit = opts.failureLimit ?? 5;
    this.slots = new SlotRegistry((owner, slot, error) => this.recordFailure(owner, `slot ${slot}`, error), (owner, key, locale, vars) => this.translate(owner, key, locale, vars));
  }

  /** Imports every plugin of the folder and activates the enabled ones, in name order. */
  async loadAll(): Promise<void> {
    for (const source of discoverPlugins(this.opts.dir)) {
      const loaded = await importPlugin(source);
      if (!loaded.ok) {
        const id = `file:${sourceName(source)}`;
        this.entries.set(id, { id, name: sourceName(source), version: '?', description: null, source, definition: null, status: 'failed', error: loaded.error, failures: 0, reg: null });
        this.opts.log.error('plugin failed to load', { plugin: sourceName(source), error: loaded.error });
        continue;
      }
      const d = loaded.definition;
      if (this.entries.has(d.id)) {
        this.opts.log.error('two plugins share an id; the second is ignored', { plugin: d.id, file: source.path });
        continue;
      }
      const entry: PluginEntry = { id: d.id, name: d.name, version: d.version, description: d.description ?? null, source, definition: d, status: 'disabled', error: null, failures: 0, reg: null };
      this.entries.set(d.id, entry);
      const state = pluginState(this.opts.core, d.id);
      entry.error = state.disabledReason;
      if (state.enabled) await this.activate(entry);
    }
  }

  /** Every plugin, in load order. */
  list(): PluginEntry[] {
    return [...this.entries.values()];
  }

  /** One plugin by id, or undefined. */
  get(id: string): PluginEntry | undefined {
    return this.entries.get(id);
  }

  /** The active plugin `id`, or undefined (disabled, failed or unknown). */
  active(id: string): PluginEntry | undefined {
    const entry = this.entries.get(id);
    return entry?.status === 'active' ? entry : undefined;
  }

  /** Enables and activates a plugin (an admin's action; audited). New events only: it starts at the log's end. */
  async enable(id: string, actor: Actor): Promise<PluginEntry> {
    const entry = this.requireLoaded(id);
    savePluginState(this.opts.core, id, { enabled: true, disabledReason: null });
    recordAudit(this.opts.core, actor, 'plugin.enable', { type: 'plugin', id });
    ensureCursor(this.opts.core, consumerId(id));
    advanceCursor(this.opts.core, consumerId(id), latestEventSeq(this.opts.core));
    entry.error = null;
    entry.failures = 0;
    if (entry.status !== 'active') await this.activate(entry);
    return entry;
  }

  /** Disables a plugin: everything it registered goes away at once (an admin's action; audited). */
  disable(id: string, actor: Actor): PluginEntry {
    const entry = this.requireLoaded(id);
    savePluginState(this.opts.core, id, { enabled: false, disabledReason: null });
    recordAudit(this.opts.core, actor, 'plugin.disable', { type: 'plugin', id });
    this.deactivate(entry, 'disabled', null);
    return entry;
  }

  /** Saves validated settings and runs setup again so the plugin sees them. */
  async saveSettings(id: string, stored: Record<string, unknown>, actor: Actor): Promise<void> {
    const entry = this.requireLoaded(id);
    savePluginState(this.opts.core, id, { settings: stored });
    recordAudit(this.opts.core, actor, 'plugin.settings', { type: 'plugin', id }, { fields: Object.keys(stored) });
    if (entry.status === 'active') {
      this.deactivate(entry, 'disabled', null);
      await this.activate(entry);
    }
  }

  /** The plugin's saved settings, decrypted and validated by its schema; null when absent or invalid. */
  settingsOf(id: string): Record<string, unknown> | null {
    const entry = this.entries.get(id);
    const stored = pluginState(this.opts.core, id).settings;
    if (!entry?.definition || !stored) return null;
    const values = openSettings(stored, this.opts.core.config.secretKey);
    if (!entry.definition.settings) return values;
    const parsed = entry.definition.settings.safeParse(values);
    return parsed.success ? (parsed.data as Record<string, unknown>) : null;
  }

  /**
   * Counts a failure that is the plugin's fault; after `failureLimit` in a row the plugin is
   * disabled with the reason, and admins are notified.
   */
  recordFailure(id: string, where: string, error: unknown): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const message = error instanceof Error ? error.message : String(error);
    entry.failures++;
    this.opts.log.error('plugin failed', { plugin: id, where, failures: entry.failures, error: message });
    if (entry.status !== 'active' || entry.failures < this.failureLimit) return;
    const reason = `${where}: ${message} (${entry.failures} failures in a row)`;
    savePluginState(this.opts.core, id, { enabled: false, disabledReason: reason });
    this.deactivate(entry, 'failed', reason);
    notify(this.opts.core, adminIds(this.opts.core), 'plugin.disabled', null, { plugin: entry.name, reason });
  }

  /** Plugin `id`'s string `key` in `locale` (its own messages, then the host's; plain text stays as is). */
  translate(id: string, key: string, locale: Locale, vars?: Record<string, string | number>): string {
    const messages = this.entries.get(id)?.definition?.messages;
    const text = messages?.[locale]?.[key] ?? messages?.en?.[key];
    if (text === undefined) return translator(locale)(key, vars);
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  }

  /** Stops every plugin (server shutdown). */
  stopAll(): void {
    for (const entry of this.entries.values()) if (entry.status === 'active') this.deactivate(entry, 'disabled', null);
  }

  private requireLoaded(id: string): PluginEntry & { definition: PluginDefinition } {
    const entry = this.entries.get(id);
    if (!entry?.definition) throw new Error(`no loaded plugin "${id}"`);
    return entry as PluginEntry & { definition: PluginDefinition };
  }

  private async activate(entry: PluginEntry): Promise<void> {
    const definition = entry.definition!;
    const reg = emptyRegistrations();
    entry.reg = reg;
    entry.status = 'active';
    try {
      applyPluginMigrations(this.opts.core, entry.id, readPluginMigrations(entry.source.folder));
      const api = buildPluginApi({ ...this.opts, slots: this.slots, settingsOf: (id) => this.settingsOf(id), translate: (id, key, locale, vars) => this.translate(id, key, locale, vars), recordFailure: (id, where, error) => this.recordFailure(id, where, error) }, definition, reg);
      await definition.setup(api);
      if (reg.events.size > 0) reg.undo.push(this.opts.events.register(this.consumerFor(entry, reg)));
      this.opts.log.info('plugin active', { plugin: entry.id, version: entry.version });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deactivate(entry, 'failed', `setup failed: ${message}`);
      this.opts.log.error('plugin setup failed', { plugin: entry.id, error: message });
    }
  }

  private consumerFor(entry: PluginEntry, reg: Registrations) {
    return {
      id: consumerId(entry.id),
      events: [...reg.events.keys()] as DurableEventName[],
      timeoutMs: this.opts.handlerTimeoutMs ?? 5000,
      handle: async (event: LoggedEvent, attempt: number) => {
        const ctx = { eventId: event.id, name: event.name, occurredAt: event.createdAt, attempt };
        for (const handler of reg.events.get(event.name) ?? []) await handler(event.payload, ctx);
        entry.failures = 0;
      },
      onFailure: (error: Error, _failures: number, event: LoggedEvent) => this.recordFailure(entry.id, `on ${event.name}`, error),
    };
  }

  private deactivate(entry: PluginEntry, status: PluginStatus, error: string | null): void {
    const reg = entry.reg;
    entry.status = status;
    entry.error = error;
    entry.reg = null;
    if (!reg) return;
    for (const undo of reg.undo) undo();
    for (const type of reg.jobTypes) this.opts.jobs.unregister(type);
    this.slots.removeOwner(entry.id);
    this.opts.core.hooks.removeOwner(`plugin:${entry.id}`);
  }
}

/** The event-log cursor of plugin `id`. */
export const consumerId = (id: string) => `plugin:${id}`;
