/**
 * Composition root: builds the database, event bus, job runner and HTTP app from a config, and
 * starts/stops them in order. Features plug in here and nowhere else.
 */
import { Elysia } from 'elysia';
import { createAiRuntime, type AiRuntime } from './ai/runtime';
import { LoginGuard } from './core/auth';
import type { Core } from './core/context';
import { EventLogSignal } from './core/event-log';
import type { TurnoEvents } from './core/events';
import { installRouting } from './core/routing/install';
import { installWhatsApp } from './channels/whatsapp/install';
import { installMaintenance } from './jobs/handlers/maintenance';
import { PRESENCE_GRACE_MS, resetStalePresence } from './core/availability';
import type { IngestWorker } from './channels/whatsapp/ingest-worker';
import { whatsappWebhookRoutes } from './http/webhooks/whatsapp';
import { EmbeddedSimulators, loopbackUrl } from './simulator/embedded';
import { channelPages } from './http/pages/channels';
import { webhookAdminPages } from './http/pages/webhooks';
import { channelsApi } from './http/api/channels';
import type { Config } from './config';
import { openDatabase } from './db/client';
import { runMigrations } from './db/migrator';
import { apiDocs } from './http/api/docs';
import { apiV1 } from './http/api/v1';
import { webhooksApi } from './http/api/webhooks';
import { outboundWebhookPages } from './http/pages/outbound-webhooks';
import { routingApi } from './http/api/routing';
import { routingAdminPages } from './http/pages/routing-admin';
import { supervisorPages } from './http/pages/supervisor';
import { reportsApi } from './http/api/reports';
import { installCsat } from './core/csat/install';
import { installReports } from './core/reports/install';
import { reportPages } from './http/pages/reports';
import { csatAdminPages } from './http/pages/csat-admin';
import type { HttpDeps } from './http/deps';
import { errorHandler } from './http/error-handler';
import { healthRoutes } from './http/health';
import { pluginRoutes } from './http/plugin-routes';
import { STATUS_OF } from './http/respond';
import { pluginAdminPages } from './http/pages/plugins-admin';
import { PluginHost } from './plugin-host/host';
import { adminPages } from './http/pages/admin';
import { aiAdminPages } from './http/pages/ai-admin';
import { botRatingRoutes } from './http/pages/bot-ratings';
import { kbAdminPages } from './http/pages/kb-admin';
import { authPages } from './http/pages/auth';
import { inboxPages } from './http/pages/inbox';
import { inboxActions } from './http/pages/inbox-actions';
import { inboxSearchPages } from './http/pages/inbox-search';
import { composerTools } from './http/pages/composer-tools';
import { cannedPages } from './http/pages/canned';
import { labelsAdminPages } from './http/pages/labels-admin';
import { profilePages } from './http/pages/profile';
import { apiTokenPages } from './http/pages/api-tokens';
import { pwaRoutes } from './http/pwa';
import { mediaRoutes } from './http/media';
import { createRealtime } from './realtime/realtime';
import { socketRoute } from './realtime/socket-route';
import { staticFiles } from './http/static-files';
import { EventDispatcher } from './jobs/event-dispatcher';
import { JobRunner } from './jobs/runner';
import { OutboundWebhooks } from './jobs/outbound-webhooks/service';
import { systemClock, type Clock } from './lib/clock';
import { FilterHooks } from './lib/filter-hooks';
import { HookBus } from './lib/hook-bus';
import type { TurnoFilters } from './core/filters';
import { createLogger, type Logger } from './lib/logger';
import { join } from 'node:path';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
  /** Start the job workers (tests with a fake clock call `jobs.runDue()` instead). */
  startWorkers?: boolean;
  /** Delay before a durable consumer retries after its n-th failure (default: exponential backoff). */
  eventRetryDelay?: (failures: number) => number;
  /** Time-out of a plugin's event handler (default 5 s). */
  pluginTimeoutMs?: number;
  /** Deliver logged events to routing, plugins and webhooks (false in one-shot CLI commands). */
  deliverEvents?: boolean;
}

export interface TurnoApp {
  core: Core;
  jobs: JobRunner;
  http: Elysia<any, any, any, any, any, any, any>;
  deps: HttpDeps;
  /** Applies stored WhatsApp webhooks (tests call `ingest.processPending()`). */
  ingest: IngestWorker;
  /** Intent classifier (trained from the database), knowledge base and bot. */
  ai: AiRuntime;
  /** The plugins of `TURNO_PLUGINS_DIR` (none until `loadPlugins()`). */
  plugins: PluginHost;
  /** Imports and activates the plugins folder; a plugin that fails is marked failed, never thrown. */
  loadPlugins(): Promise<void>;
  /** Listens on the configured port (0 = random); returns the bound port. */
  listen(port?: number): number;
  /** Graceful stop: no new requests, in-flight jobs finish, database closed. */
  stop(): Promise<void>;
}

/** Builds the whole application; the database is migrated before anything else runs. */
export function createApp(config: Config, opts: AppOptions = {}): TurnoApp {
  const log = opts.logger ?? createLogger(config.logLevel);
  const db = openDatabase(join(config.dataDir, 'turno.db'));
  runMigrations(db, config.migrationsDir);
  const bus = new HookBus<TurnoEvents>(log);
  const clock = opts.clock ?? systemClock;
  const core: Core = { db, bus, clock, log, config, eventSignal: new EventLogSignal(), hooks: new FilterHooks<TurnoFilters>() };
  const jobs = new JobRunner(core, config.workers);
  const events = new EventDispatcher(core, { retryDelay: opts.eventRetryDelay, deliver: opts.deliverEvents, pollMs: opts.startWorkers === false ? 0 : 5000 });
  const ai = createAiRuntime(core, jobs);
  const realtime = createRealtime(core);
  const plugins = new PluginHost({ core, jobs, events, log, dir: config.pluginsDir, handlerTimeoutMs: opts.pluginTimeoutMs, statusOf: (error) => STATUS_OF[error.code] });
  const webhooks = new OutboundWebhooks(core, events);
  const deps: HttpDeps = { core, jobs, ai, realtime, plugins, webhooks, loginGuard: new LoginGuard(() => clock.now()), readinessChecks: [], simulators: new EmbeddedSimulators(core) };
  installRouting(core, jobs, events, { classifyIntent: ai.classifyIntent });
  installCsat(core, jobs);
  installReports(core, jobs);
  webhooks.start();

  const ingest = installWhatsApp(core, jobs);
  installMaintenance(core, jobs, () => events.consumerIds());

  const http = new Elysia()
    .use(errorHandler(deps))
    .use(pluginRoutes(deps))
    .use(healthRoutes(deps))
    .use(whatsappWebhookRoutes(deps, ingest))
    .use(staticFiles(config.staticDir))
    .use(authPages(deps))
    .use(inboxPages(deps))
    .use(inboxActions(deps))
    .use(inboxSearchPages(deps))
    .use(composerTools(deps))
    .use(profilePages(deps))
    .use(apiTokenPages(deps))
    .use(cannedPages(deps))
    .use(labelsAdminPages(deps))
    .use(pwaRoutes(config.staticDir))
    .use(mediaRoutes(deps))
    .use(socketRoute(deps, realtime))
    .use(adminPages(deps))
    .use(channelPages(deps))
    .use(webhookAdminPages(deps, ingest))
    .use(pluginAdminPages(deps))
    .use(outboundWebhookPages(deps))
    .use(aiAdminPages(deps))
    .use(kbAdminPages(deps))
    .use(botRatingRoutes(deps))
    .use(apiDocs())
    .use(apiV1(deps))
    .use(routingApi(deps))
    .use(channelsApi(deps))
    .use(reportsApi(deps))
    .use(reportPages(deps))
    .use(csatAdminPages(deps))
    .use(webhooksApi(deps))
    .use(routingAdminPages(deps, ai.classifyIntent))
    .use(supervisorPages(deps));

  let server: ReturnType<typeof Bun.serve> | null = null;
  let presenceReset: ReturnType<typeof setTimeout> | null = null;
  if (opts.startWorkers !== false) {
    jobs.start();
    ingest.start();
    const bootAt = clock.now();
    presenceReset = setTimeout(() => resetStalePresence(core, bootAt), PRESENCE_GRACE_MS);
    deps.simulators.resume().catch((error) => log.error('whatsapp simulator failed to start', { error }));
  }

  return {
    core, jobs, http, deps, ai, ingest, plugins,
    loadPlugins: () => plugins.loadAll(),
    listen(port = config.port) {
      http.listen({ port, hostname: config.host, maxRequestBodySize: Math.max(config.webhookMaxBytes, 64 * 1024 * 1024) });
      server = http.server;
      deps.simulators.setTurnoUrl(loopbackUrl(config.host, server!.port!));
      return server!.port!;
    },
    async stop() {
      await deps.simulators.stop();
      if (server) await http.stop();
      realtime.stop();
      plugins.stopAll();
      if (presenceReset) clearTimeout(presenceReset);
      await ingest.stop();
      await events.stop();
      await jobs.stop();
      await ai.ready;
      await bus.drain();
      db.$client.close();
    },
  };
}
