/**
 * The world the security tests attack: a channel owned by team "Ventas" with one conversation
 * (text, a failed outbound reply, a bot answer, a stored file) that an agent of team "Otros" must
 * never reach; users of every role with cookie sessions and API tokens; a second channel, team,
 * label, canned response and KB article that admin controls may change; and `send()`, which issues
 * a route's valid request (from security-routes) as one of those callers.
 */
import { eq } from 'drizzle-orm';
import { createArticle } from '../../src/ai/kb/articles';
import { createCanned } from '../../src/core/canned';
import { createApiToken } from '../../src/core/auth';
import { createLabel } from '../../src/core/labels';
import { logDelivery } from '../../src/core/webhooks/deliveries';
import { createSubscription } from '../../src/core/webhooks/subscriptions';
import { storeUpload } from '../../src/core/media-store';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { attachments, channelTeams, contactIdentities, contacts, messages, messageTemplates } from '../../src/db/schema';
import { createRule } from '../../src/core/routing/rules';
import { saveSlaPolicy } from '../../src/core/routing/sla';
import { saveBusinessHours } from '../../src/core/routing/hours-store';
import type { PublicUser } from '../../src/core/types';
import { newId } from '../../src/lib/ids';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';
import { caseOf, type Fixture } from './security-routes';

export const SECRET_TEXT = 'SECRETO-FORANEO-42';
export const SECRET_NAME = 'Zeta Foraneo';
export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export type Who = 'admin' | 'supervisor' | 'agentIn' | 'agentOut' | 'spare';
export interface Caller { cookie: string; csrf: string; token: string; userId: string }
export interface Route { method: string; path: string }

export interface World {
  t: TestApp;
  ids: Record<Fixture, string>;
  callers: Record<Who, Caller>;
  routes: Route[];
}

/** Builds the world (one app per test file). */
export async function buildWorld(): Promise<World> {
  const t = await createTestApp();
  const core = t.app.core;
  const channel = addTestChannel(t);
  const spareChannel = addTestChannel(t, 'http://127.0.0.1:9', { phoneNumberId: '999000111', name: 'Spare' });
  const signed = {
    admin: await t.signIn('admin'), supervisor: await t.signIn('supervisor'),
    agentIn: await t.signIn('agent'), agentOut: await t.signIn('agent'), spare: await t.signIn('agent'),
  };
  const ventas = createTeam(core, { name: 'Ventas' }, null);
  const otros = createTeam(core, { name: 'Otros' }, null);
  const spareTeam = createTeam(core, { name: 'Spare team' }, null);
  addTeamMember(core, ventas.id, signed.agentIn.user.id, null);
  addTeamMember(core, otros.id, signed.agentOut.user.id, null);
  addTeamMember(core, spareTeam.id, signed.spare.user.id, null);
  core.db.insert(channelTeams).values({ channelId: channel.id, teamId: ventas.id }).run();
  const body = messagesEnvelope([textMessage('wamid.foreign.1', SECRET_TEXT, Math.floor(t.clock.now() / 1000))], { name: SECRET_NAME });
  if ((await postWebhook(t, body)).status !== 200) throw new Error('the foreign webhook was refused');
  t.app.ingest.processPending();
  await core.bus.drain();
  const inbound = core.db.select().from(messages).where(eq(messages.externalId, 'wamid.foreign.1')).get()!;
  const db = core.db.$client;
  const contactId = db.query<{ contact_id: string }, [string]>('SELECT contact_id FROM conversations WHERE id = ?').get(inbound.conversationId)!.contact_id;
  db.query('UPDATE conversations SET assignee_id = NULL WHERE id = ?').run(inbound.conversationId);
  const now = t.clock.now();
  const extra = (over: Partial<typeof messages.$inferInsert>) => {
    const id = newId();
    core.db.insert(messages).values({ ...inbound, id, externalId: null, raw: null, createdAt: now, updatedAt: now, ...over }).run();
    return id;
  };
  const failedMessage = extra({ direction: 'outbound', senderType: 'agent', content: 'respuesta fallida', status: 'failed', errorCode: 131000 });
  const botMessage = extra({ direction: 'outbound', senderType: 'bot', content: 'respuesta del bot', status: 'sent' });
  const deletedMessage = extra({ content: 'mensaje borrado', payload: { body: 'mensaje borrado', deleted: { at: now, by: 'contact', byExternalId: 'wamid.revoke', contentKept: true } } });
  const file = storeUpload(core, { bytes: new TextEncoder().encode('FOREIGN-FILE'), mimeType: 'application/pdf', filename: 'secreto.pdf' }, signed.agentIn.user.id);
  core.db.update(attachments).set({ messageId: inbound.id }).where(eq(attachments.id, file.id)).run();
  core.db.insert(messageTemplates).values({ id: newId(), channelId: channel.id, name: 'hello_world', language: 'es', status: 'APPROVED', components: [], syncedAt: now }).run();
  const admin = signed.admin.user;
  const actor = { type: 'user' as const, user: admin, ip: '127.0.0.1' };
  const article = { title: 'Horario', questions: ['¿A qué hora abren?'], answer: 'De 9 a 18', language: 'es' as const, tags: [], enabled: true };
  // Outbound webhooks to a closed loopback port, saved past the SSRF guard and left inactive: a
  // replay is refused by the guard at once (this app does not allow private targets), nothing is sent.
  const privateOk = { ...core, config: { ...core.config, webhooksAllowPrivate: true } };
  const hook = async () => (await createSubscription(privateOk, { url: 'http://127.0.0.1:9/hook', events: ['sla.breached'], active: false }, actor)).subscription.id;
  const webhook = await hook();
  const delivery = logDelivery(core, { subscriptionId: webhook, webhookId: 'evt-1', eventType: 'sla.breached', body: '{}', ok: false, statusCode: 500, latencyMs: 5, responseExcerpt: null, error: 'HTTP 500', attempt: 1, replay: false }).id;
  const ids: Record<Fixture, string> = {
    webhook, spareWebhook: await hook(), doomedWebhook: await hook(), delivery,
    conversation: inbound.conversationId, contact: contactId, message: inbound.id, failedMessage, botMessage, deletedMessage, attachment: file.id,
    channel: channel.id, spareChannel: spareChannel.id, ventas: ventas.id, spareTeam: spareTeam.id,
    label: createLabel(core, { name: 'vip' }, actor).id, spareLabel: createLabel(core, { name: 'borrar' }, actor).id,
    canned: createCanned(core, signed.spare.user, { shortcut: 'hola', title: 'Hola', content: 'Hola {{contact.name}}' }, actor).id,
    kbArticle: createArticle(core, article, actor).id, spareKbArticle: createArticle(core, { ...article, title: 'Borrar' }, actor).id,
    intent: 'sales', example: db.query<{ id: string }, []>("SELECT id FROM intent_examples WHERE intent_id = 'sales' LIMIT 1").get()!.id,
    agentIn: signed.agentIn.user.id, spare: signed.spare.user.id, missing: '01900000-0000-7000-8000-000000000000',
    ...apiFixtures(t, { channel: spareChannel.id, ventas: ventas.id, spare: signed.spare.user, supervisor: signed.supervisor.user, extra }),
  };
  const callers = Object.fromEntries(Object.entries(signed).map(([who, s]) => [who, {
    cookie: `turno_session=${s.client.cookies.turno_session}`, csrf: s.client.csrf!, userId: s.user.id,
    token: createApiToken(core, s.user.id, `security-${who}`, null).token,
  }])) as Record<Who, Caller>;
  const routes = (t.app.http.routes as Route[]).filter((r) => r.method !== 'WS' && !r.path.includes('*'));
  return { t, ids, callers, routes };
}

/** Rows the API controls change or delete (each its own, so table order never starves another control). */
function apiFixtures(t: TestApp, p: { channel: string; ventas: string; spare: PublicUser; supervisor: PublicUser; extra: (over: Partial<typeof messages.$inferInsert>) => string }) {
  const core = t.app.core;
  const actor = { type: 'user' as const, user: p.supervisor, ip: '127.0.0.1' };
  const now = t.clock.now();
  const contact = (name: string) => {
    const id = newId();
    core.db.insert(contacts).values({ id, name, phone: null, email: null, customAttributes: {}, notes: '', createdAt: now, updatedAt: now }).run();
    return id;
  };
  const spareContact = contact('Duplicado');
  core.db.insert(contactIdentities).values({ id: newId(), contactId: spareContact, channelId: p.channel, externalId: '5491177700000', rawId: '5491177700000', createdAt: now }).run();
  saveBusinessHours(core, null, { timezone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '18:00' }], holidays: [] }, null);
  const rule = createRule(core, { name: 'API', conditions: [{ type: 'keywords', any: ['precio'] }], actions: [{ type: 'set_priority', priority: 'high' }] }, null);
  return {
    spareContact, looseContact: contact('Suelto'), looseTeam: createTeam(core, { name: 'Loose team' }, null).id,
    spareFailedMessage: p.extra({ direction: 'outbound', senderType: 'agent', content: 'otra fallida', status: 'failed', errorCode: 131000 }),
    apiLabel: createLabel(core, { name: 'api-label' }, actor).id,
    apiCanned: createCanned(core, p.spare, { shortcut: 'api', title: 'API', content: 'Hola API' }, actor).id,
    rule: rule.id, sla: saveSlaPolicy(core, { name: 'Ventas SLA', teamId: p.ventas, firstResponseMinutes: 15 }, null).id, hoursScope: 'default',
    apiExample: core.db.$client.query<{ id: string }, []>("SELECT id FROM intent_examples WHERE intent_id = 'sales' AND id != (SELECT id FROM intent_examples WHERE intent_id = 'sales' LIMIT 1) LIMIT 1").get()!.id,
    apiKbArticle: createArticle(core, { title: 'API', questions: ['¿API?'], answer: 'Sí', language: 'es' }, null).id,
    token: createApiToken(core, p.supervisor.id, 'managed', null).id,
  };
}

/** `path` with its params filled from the route's case (default: the foreign conversation's ids by area). */
export function concrete(w: World, route: Route): string {
  const c = caseOf(route);
  const filled = route.path.replace(/:(\w+)/g, (_m, name: string) => w.ids[(name === 'id' ? c?.id : c?.params?.[name]) ?? 'missing'] ?? name);
  return c?.query ? `${filled}?${fill(w, c.query)}` : filled;
}

/** `text` with every `{fixture}` replaced by that fixture's id. */
function fill(w: World, text: string): string {
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => w.ids[name as Fixture] ?? name);
}

export interface SendOptions {
  /** 'cookie' (default, with the caller's CSRF token unless `csrf` overrides it), 'token' (Bearer), or none. */
  via?: 'cookie' | 'token';
  csrf?: string | null;
  json?: boolean;
}

/** Sends `route`'s valid request as `who` (null = anonymous). */
export async function send(w: World, who: Who | null, route: Route, opts: SendOptions = {}): Promise<{ status: number; body: string; location: string | null; contentType: string | null }> {
  const c = caseOf(route);
  const headers: Record<string, string> = opts.json ? { accept: 'application/json' } : {};
  const caller = who ? w.callers[who] : null;
  if (caller && opts.via === 'token') headers.authorization = `Bearer ${caller.token}`;
  else if (caller) {
    headers.cookie = caller.cookie;
    const csrf = opts.csrf === undefined ? caller.csrf : opts.csrf;
    if (UNSAFE.has(route.method) && csrf !== null) headers['x-csrf-token'] = csrf;
  }
  const init: RequestInit = { method: route.method, headers };
  if (UNSAFE.has(route.method) && c?.json !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = fill(w, JSON.stringify(c.json));
  } else if (UNSAFE.has(route.method) && c?.file) {
    const data = new FormData();
    data.append('file', new File([c.file[1]], c.file[0], { type: 'text/csv' }));
    for (const [k, v] of Object.entries(c.form ?? {})) data.append(k, fill(w, v));
    init.body = data;
  } else if (UNSAFE.has(route.method)) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(Object.entries(c?.form ?? {}).map(([k, v]) => [k, fill(w, v)])).toString();
  }
  const res = await w.t.request(concrete(w, route), init);
  return { status: res.status, body: await res.text(), location: res.headers.get('location'), contentType: res.headers.get('content-type') };
}

export const is2xx = (status: number) => status >= 200 && status < 300;
export const succeeded = (status: number) => status >= 200 && status < 400;
/** A route that reads or changes the foreign conversation, one of its messages or files, or its contact. */
export const touchesForeign = (route: Route) => ['conversation', 'contact', 'message', 'failedMessage', 'botMessage', 'deletedMessage', 'attachment'].includes(caseOf(route)?.id ?? '');
