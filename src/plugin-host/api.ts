/**
 * Builds the `api` a plugin's `setup` receives. Everything it registers is recorded in the
 * plugin's `Registrations`, which the host undoes when the plugin is disabled.
 */
import type { Core } from '../core/context';
import { DomainError } from '../core/errors';
import type { DurableEventName } from '../core/events';
import type { FilterName, TurnoFilters } from '../core/filters';
import { enqueueJob, hasPendingJob } from '../core/jobs';
import { kvDelete, kvGet, kvList, kvSet } from '../core/plugin-store';
import type { Job } from '../core/types';
import { transaction } from '../db/client';
import type { JobRunner } from '../jobs/runner';
import type { Logger } from '../lib/logger';
import type { Locale } from '../../views/i18n';
import { pluginCoreAsPlugin } from './plugin-core';
import { createPluginApp } from './routes';
import type { SlotRegistry } from './ui-slots';
import type { EventContext, NavEntry, PluginApi, PluginApp, PluginDb, PluginDefinition, SlotContext, SlotName } from './types';

export type EventHandler = (payload: any, ctx: EventContext) => void | Promise<void>;

/** What an active plugin registered. */
export interface Registrations {
  events: Map<DurableEventName, EventHandler[]>;
  privateApp: PluginApp | null;
  publicApp: PluginApp | null;
  jobTypes: string[];
  /** Undo functions for before-hooks (and anything else registered elsewhere). */
  undo: Array<() => void>;
}

/** The refusal a `before` handler throws through `api.veto`. */
export class PluginVeto extends DomainError {
  constructor(reason: string, pluginId: string) {
    super('unprocessable', reason, { plugin: pluginId });
  }
}

export interface ApiHost {
  core: Core;
  jobs: JobRunner;
  slots: SlotRegistry;
  log: Logger;
  /** The plugin's validated settings (null when none are saved or they no longer validate). */
  settingsOf(id: string): Record<string, unknown> | null;
  translate(id: string, key: string, locale: Locale, vars?: Record<string, string | number>): string;
  /** The HTTP status of a refused domain action (DomainError) in a plugin route. */
  statusOf(error: DomainError): number;
  /** Counts a failure that is the plugin's fault (handler error, time-out, route crash). */
  recordFailure(id: string, where: string, error: unknown): void;
}

/** Job type of a plugin's job `name`. */
export const pluginJobType = (pluginId: string, name: string) => `plugin.${pluginId}.${name}`;

const MIN_SCHEDULE_MS = 60_000;

/** A fresh, empty set of registrations. */
export function emptyRegistrations(): Registrations {
  return { events: new Map(), privateApp: null, publicApp: null, jobTypes: [], undo: [] };
}

/** The `api` object for `definition`, recording into `reg`. */
export function buildPluginApi(host: ApiHost, definition: PluginDefinition, reg: Registrations): PluginApi<any> {
  const { core } = host;
  const id = definition.id;
  const log = host.log.child({ plugin: id });
  const db: PluginDb = {
    all: (sql, ...params) => core.db.$client.query(sql).all(...params) as never[],
    get: (sql, ...params) => (core.db.$client.query(sql).get(...params) as never) ?? null,
    run: (sql, ...params) => ({ changes: core.db.$client.query(sql).run(...params).changes }),
    transaction: (fn) => transaction(core.db, fn),
  };
  const failing = (where: string, error: unknown) => host.recordFailure(id, where, error);

  function slot(name: SlotName, renderOrEntry: unknown): void {
    if (name === 'nav') host.slots.addNav(id, renderOrEntry as NavEntry);
    else host.slots.add(id, name, renderOrEntry as (ctx: SlotContext) => string);
  }

  return {
    id,
    settings: () => host.settingsOf(id),
    on(event, handler) {
      reg.events.set(event, [...(reg.events.get(event) ?? []), handler as EventHandler]);
    },
    before<K extends FilterName>(hook: K, handler: (value: TurnoFilters[K]) => TurnoFilters[K] | void) {
      reg.undo.push(core.hooks.before(hook, (value) => {
        try {
          return handler(value);
        } catch (error) {
          if (error instanceof PluginVeto) throw error;
          failing(`before ${hook}`, error);
          return undefined;
        }
      }, { owner: `plugin:${id}` }));
    },
    veto(reason) {
      throw new PluginVeto(reason, id);
    },
    routes(build, opts = {}) {
      const key = opts.public ? 'publicApp' : 'privateApp';
      reg[key] ??= createPluginApp(id, (error) => failing('route', error), host.statusOf);
      build(reg[key]!);
    },
    slot: slot as PluginApi['slot'],
    kv: {
      get: (key) => kvGet(core, id, key) as never,
      set: (key, value) => kvSet(core, id, key, value),
      delete: (key) => kvDelete(core, id, key),
      list: (prefix) => kvList(core, id, prefix) as never,
    },
    db,
    jobs: {
      register(name, handler) {
        const type = pluginJobType(id, name);
        reg.jobTypes.push(type);
        host.jobs.register(type, async (job: Job, payload) => {
          try {
            await handler(payload, { jobId: job.id, attempt: job.attempts });
          } catch (error) {
            failing(`job ${name}`, error);
            throw error;
          }
        });
      },
      enqueue(name, payload = {}, opts = {}) {
        const jobId = enqueueJob(core, pluginJobType(id, name), payload, opts);
        host.jobs.poke();
        return jobId;
      },
      schedule(name, { everyMs }) {
        const type = pluginJobType(id, name);
        const interval = Math.max(MIN_SCHEDULE_MS, everyMs);
        const handler = host.jobs.handlerOf(type);
        if (!handler) throw new Error(`jobs.schedule("${name}"): register the job first`);
        host.jobs.register(type, async (job, payload) => {
          if (!hasPendingJob(core, type, job.id)) enqueueJob(core, type, { scheduled: true }, { runAt: core.clock.now() + interval });
          await handler(job, payload);
        });
        if (!hasPendingJob(core, type)) enqueueJob(core, type, { scheduled: true }, { runAt: core.clock.now() + interval });
      },
    },
    core: pluginCoreAsPlugin(core, id),
    t: (key, vars, locale = 'es') => host.translate(id, key, locale, vars),
    log,
    now: () => core.clock.now(),
  };
}
