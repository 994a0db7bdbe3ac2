/**
 * The public plugin contract: what `definePlugin` accepts and what `setup(api)` receives. These
 * types are re-exported by the virtual module `turno/plugin`; docs/plugin-reference.md is
 * generated from this file and src/core/events.ts (scripts/plugin-reference.ts), so the reference
 * cannot drift from the code.
 */
import type { Elysia } from 'elysia';
import type { z } from 'zod';
import type { DurableEventName, TurnoEvents } from '../core/events';
import type { FilterName, TurnoFilters } from '../core/filters';
import type { SendMessageInput } from '../core/messages';
import type { Contact, Conversation, Label, Message, PublicUser } from '../core/types';
import type { SafeHtml } from '../lib/html';
import type { Locale, Translate } from '../../views/i18n';

export type { DurableEventName as PluginEventName, TurnoEvents, TurnoFilters, FilterName, Contact, Conversation, Label, Message, PublicUser, Locale, Translate, SafeHtml };

/** A plugin module's default export (build it with `definePlugin`). */
export interface PluginDefinition<S extends z.ZodType = z.ZodType<Record<string, unknown>>> {
  /** Lower-case letters, digits and dashes; the plugin's routes live under `/plugins/<id>/`. */
  id: string;
  /** Shown on Admin → Plugins and in notifications. */
  name: string;
  /** Semantic version, shown on Admin → Plugins. */
  version: string;
  /** One sentence, shown on Admin → Plugins. */
  description?: string;
  /**
   * Settings an admin fills in on Admin → Plugins (a form is generated from the schema). Fields
   * whose name contains key, secret, token or password, or marked `.meta({ secret: true })`, are
   * stored encrypted and never shown again.
   */
  settings?: S;
  /** The plugin's own strings per language; `api.t(key)` looks here first. */
  messages?: Partial<Record<Locale, Record<string, string>>>;
  /** Registers everything the plugin does. Runs at start and each time the plugin is enabled. */
  setup(api: PluginApi<z.output<S>>): void | Promise<void>;
}

/** What an event handler receives besides the payload. */
export interface EventContext {
  /** Stable id of the event: the same on a redelivery, so handlers can be idempotent. */
  eventId: string;
  /** The event's name (one handler may serve several events). */
  name: DurableEventName;
  /** When the change committed (ms since epoch). */
  occurredAt: number;
  /** 1 on first delivery, more on retries after a failure or time-out. */
  attempt: number;
}

/** Context of a request to a plugin route (added to Elysia's handler context). */
export type PluginRequestContext = {
  /** The signed-in user (session or API token); null only on `public: true` routes. */
  user: PublicUser | null;
  /** Turno's translator in the user's language. */
  t: Translate;
  /** The user's language (`es`, `pt-BR` or `en`); pass it to `api.t`. */
  locale: Locale;
  /** Token to put in forms (`_csrf`) or the `X-CSRF-Token` header of state-changing requests. */
  csrfToken: string;
  /** Core calls on behalf of this user (their permissions apply); as the plugin on public routes. */
  core: PluginCore;
};

/** The Elysia instance handed to `api.routes()`: paths are relative to `/plugins/<id>`. */
export type PluginApp = Elysia<'', { decorator: {}; store: {}; derive: {}; resolve: PluginRequestContext }>;

export type SlotName = 'contact-sidebar' | 'conversation-actions' | 'composer-actions' | 'nav' | 'settings';

/** What a UI slot renderer receives. */
export interface SlotContext {
  /** Turno's translator in the viewer's language. */
  t: Translate;
  /** The viewer's language; pass it to `api.t`. */
  locale: Locale;
  /** The signed-in user viewing the page. */
  user: PublicUser;
  /** For forms and htmx requests to the plugin's routes (Turno's pages already send it as `X-CSRF-Token`). */
  csrfToken: string;
  /** Set in the inbox slots (contact-sidebar, conversation-actions, composer-actions). */
  conversation?: Conversation;
  /** The conversation's contact (same slots). */
  contact?: Contact;
}

/** A navigation entry (slot `nav`): shown in the top bar to users with at least `role`. */
export interface NavEntry {
  /** Path under the plugin, e.g. `/board` → `/plugins/<id>/board`. */
  path: string;
  /** A key of the plugin's messages, or plain text. */
  label: string;
  /** The lowest role that sees it (default: every user). */
  role?: 'agent' | 'supervisor' | 'admin';
}

/** Key-value storage private to the plugin; values are JSON. */
export interface PluginKv {
  /** The value stored under `key`, or undefined. */
  get<T = unknown>(key: string): T | undefined;
  /** Stores `value` (anything JSON can represent) under `key`, replacing what was there. */
  set(key: string, value: unknown): void;
  /** Removes `key` (nothing happens when it is absent). */
  delete(key: string): void;
  /** Entries whose key starts with `prefix`, sorted by key. */
  list<T = unknown>(prefix?: string): Array<{ key: string; value: T }>;
}

type SqlParam = string | number | bigint | boolean | null | Uint8Array;

/**
 * SQL on the plugin's own tables (created by the SQL files in its `migrations/` folder; name them
 * `<id with _>_<table>`, e.g. `crm_deals`). Synchronous, like bun:sqlite.
 */
export interface PluginDb {
  /** Every row of a query; `?` placeholders take `params` in order. */
  all<T = Record<string, unknown>>(sql: string, ...params: SqlParam[]): T[];
  /** The first row of a query, or null. */
  get<T = Record<string, unknown>>(sql: string, ...params: SqlParam[]): T | null;
  /** Runs a statement (INSERT, UPDATE, DELETE); returns how many rows it changed. */
  run(sql: string, ...params: SqlParam[]): { changes: number };
  /** Runs `fn` in a transaction: everything it writes is kept, or nothing if it throws. */
  transaction<T>(fn: () => T): T;
}

/** Durable jobs owned by the plugin (names are local to it). */
export interface PluginJobs {
  /** The handler of job `name`; throw to retry with backoff. */
  register(name: string, handler: (payload: any, ctx: { jobId: string; attempt: number }) => Promise<void> | void): void;
  /** Queues job `name`; `uniqueKey` keeps at most one unfinished job per key. Returns the job id. */
  enqueue(name: string, payload?: Record<string, unknown>, opts?: { runAt?: number; uniqueKey?: string; maxAttempts?: number }): string;
  /** Runs job `name` every `everyMs` (at least a minute), surviving restarts. */
  schedule(name: string, opts: { everyMs: number }): void;
}

/**
 * Domain calls. `api.core` acts as the plugin (a system actor named `plugin:<id>`); the `core` of a
 * route context acts as the signed-in user, with their permissions.
 */
export interface PluginCore {
  /** The conversation, or null when it does not exist or the acting user may not see it. */
  getConversation(id: string): Conversation | null;
  /** Messages of a conversation, oldest first (private notes included). */
  listMessages(conversationId: string, opts?: { before?: string; limit?: number }): Message[];
  /** Sends a message (text, template, interactive, files); the 24-hour window and guards apply. */
  sendMessage(conversationId: string, input: SendMessageInput): Message;
  /** Adds a private note (with @mentions) to a conversation. */
  addNote(conversationId: string, text: string): Message;
  /** Adds a label by name (created when missing) to a conversation. */
  addLabel(conversationId: string, labelName: string): Label;
  /** Assigns to an agent and/or team (`null` clears). */
  assign(conversationId: string, target: { assigneeId?: string | null; teamId?: string | null }): Conversation;
  /** The contact, or null when it does not exist or the acting user may not see it. */
  getContact(id: string): Contact | null;
  /** Creates (or finds) the contact of `phone` on a WhatsApp channel. */
  createContact(input: { channelId: string; phone: string; name?: string }): Contact;
  /** Changes a contact's name, e-mail, notes or custom attributes. */
  updateContact(id: string, changes: { name?: string; email?: string | null; notes?: string; customAttributes?: Record<string, string> }): Contact;
}

/** Log lines tagged with the plugin id (JSON on stdout; warnings and errors on stderr). */
export interface PluginLog {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** What `setup(api)` receives. Everything registered through it is removed when the plugin is disabled. */
export interface PluginApi<Settings = Record<string, unknown>> {
  /** The plugin's id. */
  readonly id: string;
  /** The saved settings, validated by the plugin's schema; null until an admin saved valid ones. */
  settings(): Settings | null;
  /**
   * Handles a domain event after its change committed. Delivery is durable: at least once, in
   * commit order, retried after a failure or a time-out (5 s); use `ctx.eventId` to be idempotent.
   */
  on<K extends DurableEventName>(event: K, handler: (payload: TurnoEvents[K], ctx: EventContext) => void | Promise<void>): void;
  /**
   * Runs inside the transaction of a change, synchronously: return a new value to modify it,
   * `api.veto(reason)` to refuse it. Any other error is logged and ignored (the change goes on).
   */
  before<K extends FilterName>(hook: K, handler: (value: TurnoFilters[K]) => TurnoFilters[K] | void): void;
  /** Throws the refusal a `before` handler uses: the change is refused with `reason` (HTTP 422). */
  veto(reason: string): never;
  /**
   * Mounts routes under `/plugins/<id>/`. By default they need a signed-in user (session or API
   * token) and CSRF on state-changing requests; `public: true` routes (OAuth callbacks, provider
   * webhooks) need neither and must check their callers themselves.
   */
  routes(build: (app: PluginApp) => unknown, opts?: { public?: boolean }): void;
  /** Contributes markup to a UI slot (escape with `html`); `nav` contributes a NavEntry instead. */
  slot(name: Exclude<SlotName, 'nav'>, render: (ctx: SlotContext) => SafeHtml | string): void;
  slot(name: 'nav', entry: NavEntry): void;
  /** Key-value storage private to the plugin. */
  kv: PluginKv;
  /** SQL on the plugin's own tables. */
  db: PluginDb;
  /** Durable background and scheduled jobs. */
  jobs: PluginJobs;
  /** Domain calls acting as the plugin (`plugin:<id>`). */
  core: PluginCore;
  /** The plugin's string `key` (its own messages, then the host's) in `locale` (default: Spanish). */
  t(key: string, vars?: Record<string, string | number>, locale?: Locale): string;
  /** Logging tagged with the plugin id. */
  log: PluginLog;
  /** The host's clock (ms since epoch): use it instead of Date.now() so tests can move time. */
  now(): number;
}
