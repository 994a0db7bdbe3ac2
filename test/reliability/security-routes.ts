/**
 * One valid request per route of the app, keyed by "METHOD path": who may call it (`level`), which
 * fixture fills `:id` (and other params), a body/query that passes validation, and the caller whose
 * identical request must succeed (`control`) — which proves the body is valid, so a refusal of the
 * same request to someone else comes from the access rules, not from validation. `{fixture}` in a
 * string is replaced by that fixture's id. Controls run in table order (later ones may rely on
 * earlier ones, e.g. update before delete). security-matrix fails when a route has no entry.
 */
import { TEST_PASSWORD } from '../helpers/test-app';

export type Fixture =
  | 'conversation' | 'contact' | 'message' | 'failedMessage' | 'botMessage' | 'deletedMessage' | 'attachment' | 'channel' | 'spareChannel'
  | 'ventas' | 'spareTeam' | 'label' | 'spareLabel' | 'canned' | 'kbArticle' | 'spareKbArticle' | 'intent' | 'example'
  | 'agentIn' | 'spare' | 'missing'
  | 'spareContact' | 'looseContact' | 'looseTeam' | 'spareFailedMessage' | 'apiLabel' | 'apiCanned' | 'rule' | 'sla' | 'hoursScope'
  | 'apiExample' | 'apiKbArticle' | 'token' | 'webhook' | 'spareWebhook' | 'doomedWebhook' | 'delivery';
/** public: anyone; user: any signed-in user; supervisor: supervisors and admins; admin: admins only. */
export type Level = 'public' | 'user' | 'supervisor' | 'admin';
export type ControlCaller = 'anonymous' | 'admin' | 'supervisor' | 'agentIn' | 'spare';

export interface RouteCase {
  level: Level;
  id?: Fixture;
  params?: Record<string, Fixture>;
  query?: string;
  form?: Record<string, string>;
  json?: unknown;
  /** Sent as multipart with this file (name, content). */
  file?: [string, string];
  /** Who succeeds with this request; null with `why` where no fixture makes it succeed. */
  control: ControlCaller | null;
  why?: string;
}

const user = (control: ControlCaller | null = 'agentIn', extra: Partial<RouteCase> = {}): RouteCase => ({ level: 'user', control, ...extra });
const admin = (extra: Partial<RouteCase> = {}): RouteCase => ({ level: 'admin', control: 'admin', ...extra });
const sup = (extra: Partial<RouteCase> = {}): RouteCase => ({ level: 'supervisor', control: 'supervisor', ...extra });
const pub = (control: ControlCaller | null = 'anonymous', why?: string): RouteCase => ({ level: 'public', control, why });
const conv = (extra: Partial<RouteCase> = {}, control: ControlCaller = 'agentIn') => user(control, { id: 'conversation', ...extra });
const noFixture = (why: string) => ({ control: null, why });

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /healthz': pub(), 'GET /readyz': pub(), 'GET /manifest.webmanifest': pub(), 'GET /sw.js': pub(), 'GET /': pub(),
  'GET /setup': pub(), 'GET /login': pub(), 'GET /api/openapi.json': pub(), 'GET /api/docs': pub(),
  'GET /webhooks/whatsapp': pub(null, 'answers only Meta\'s verify challenge (covered by the webhook tests)'),
  'POST /webhooks/whatsapp': pub(null, 'authenticated by its signature (security-edges, bad-input)'),
  'POST /setup': pub(null, 'closed once the first admin exists'),
  'POST /login': pub(null, 'sessions and throttling are covered by security-edges'),
  'POST /logout': user(null, { why: 'ends the caller\'s session (security-edges)' }),

  'GET /inbox': user(), 'GET /inbox/list': user(), 'GET /inbox/search': user('agentIn', { query: 'q=hola' }),
  'GET /inbox/c/:id': conv(), 'GET /inbox/c/:id/older': conv({ query: 'before={message}' }),
  'GET /inbox/counts': user(), 'GET /inbox/c/:id/mentionable': conv(),
  'GET /inbox/c/:id/canned': conv(), 'GET /inbox/c/:id/templates': conv(),
  'POST /inbox/c/:id/messages': conv({ form: { content: 'hola' } }),
  'POST /inbox/messages/:id/react': user('agentIn', { id: 'message', form: { emoji: '👍' } }),
  'POST /inbox/messages/:id/retry': user('agentIn', { id: 'failedMessage' }),
  'GET /inbox/messages/:id/deleted-content': admin({ id: 'deletedMessage' }),
  'POST /inbox/c/:id/assign': conv({ form: { target: 'team:{ventas}' } }, 'admin'),
  'POST /inbox/c/:id/status': conv({ form: { status: 'pending' } }, 'admin'),
  'POST /inbox/c/:id/priority': conv({ form: { priority: 'high' } }),
  'POST /inbox/c/:id/labels': conv({ form: { labelId: '{label}' } }),
  'POST /inbox/c/:id/unread': conv(),
  'GET /inbox/c/:id/transcript': conv(),
  'POST /inbox/bulk': user('agentIn', { form: { ids: '{conversation}', action: 'label', labelId: '{label}' } }),
  'POST /inbox/c/:id/take-over': conv({}, 'admin'),
  'POST /inbox/c/:id/template': conv({ json: { name: 'hello_world', language: 'es', body: [] } }),
  'POST /inbox/contacts/:id': user('agentIn', { id: 'contact', form: { notes: 'nota' } }),
  'GET /media/:id': user('agentIn', { id: 'attachment' }),
  'POST /inbox/uploads': user('agentIn', { file: ['nota.txt', 'hola'] }),
  'POST /messages/:id/rating': user('agentIn', { id: 'botMessage', form: { rating: 'up' } }),

  'GET /profile': user(), 'POST /profile': user('spare', { form: { name: 'Spare', locale: 'es' } }),
  'POST /profile/notifications': user('spare', { form: { sound: 'true' } }),
  'POST /profile/availability': user('spare', { form: { availability: 'online' } }),
  'POST /profile/password': user('spare', { form: { current: TEST_PASSWORD, next: 'otra clave bastante larga 9' } }),
  'GET /settings/canned': user(), 'POST /settings/canned': user('spare', { form: { shortcut: 'chao', title: 'Chao', content: 'Hasta luego' } }),
  'POST /settings/canned/:id': user('spare', { id: 'canned', form: { shortcut: 'hola2', title: 'Hola', content: 'Hola de nuevo' } }),
  'POST /settings/canned/:id/delete': user('spare', { id: 'canned' }),
  'GET /settings/tokens': user(), 'POST /settings/tokens': user('spare', { form: { name: 'integración', scopes: 'read' } }),
  'POST /settings/tokens/:id/rename': user('supervisor', { id: 'token', form: { name: 'renombrado' } }),
  'POST /settings/tokens/:id/revoke': user('supervisor', { id: 'token' }), 'GET /admin/tokens': admin(),
  'GET /settings/labels': sup(), 'POST /settings/labels': sup({ form: { name: 'nueva', color: '#112233' } }),
  'POST /settings/labels/:id': sup({ id: 'spareLabel', form: { name: 'borrar2', color: '#112233' } }),
  'POST /settings/labels/:id/delete': sup({ id: 'spareLabel' }),
  'GET /notifications/bell': user(), 'POST /notifications/read-all': user(),
  'POST /notifications/:id/read': user(null, { id: 'missing', why: 'a notification only exists after a mention; mentions have their own tests' }),
  'GET /supervisor': sup(), 'GET /supervisor/board': sup(),
  'GET /reports': user(), 'GET /admin/csat': admin(),
  'POST /admin/csat': admin({ form: { teamId: '', enabled: 'true', delayMinutes: '0', language: 'es', template: '', cooldownDays: '30', lowScore: '2' } }),
  ...Object.fromEntries(['summary', 'daily', 'agents', 'teams', 'channels', 'intents', 'sla', 'heatmap'].map((table) => [`GET /api/v1/reports/${table}`, user('agentIn', { query: 'from=2026-03-01&to=2026-03-31' })])),
  'POST /supervisor/reassign': sup({ form: { ids: '{conversation}', target: '' } }),

  'GET /admin': admin(), 'GET /admin/users': admin(), 'GET /admin/audit': admin(), 'GET /admin/jobs': admin(),
  'POST /admin/users': admin({ form: { name: 'Nuevo', email: 'nuevo@example.test', password: TEST_PASSWORD, role: 'agent' } }),
  'POST /admin/users/:id': admin({ id: 'spare', form: { role: 'agent' } }),
  'POST /admin/jobs/:id/retry': admin({ id: 'missing', ...noFixture('no dead job in the fixture') }),
  'GET /admin/channels': admin(), 'GET /admin/channels/new': admin(),
  'POST /admin/channels': admin({ form: { name: 'Nuevo', phoneNumberId: '5550001', wabaId: '5550002', accessToken: 'token-de-prueba-123', appSecret: 'secreto-app', verifyToken: 'verificar-123', graphUrl: 'http://127.0.0.1:9' } }),
  'POST /admin/channels/simulator': admin(),
  'POST /admin/channels/:id/simulator/inbound': admin({ id: 'channel', form: { customer: '0', kind: 'text' }, ...noFixture('needs a running simulator channel (simulator-panel e2e)') }),
  'POST /admin/channels/:id/simulator/traffic': admin({ id: 'channel', form: { on: 'false' }, ...noFixture('needs a running simulator channel (simulator-panel e2e)') }),
  'POST /admin/channels/:id/simulator/fail': admin({ id: 'channel', form: { code: '131026' }, ...noFixture('needs a running simulator channel (simulator-panel e2e)') }),
  'GET /admin/channels/:id': admin({ id: 'spareChannel' }),
  'POST /admin/channels/:id': admin({ id: 'spareChannel', form: { name: 'Spare 2' } }),
  'POST /admin/channels/:id/status': admin({ id: 'spareChannel', form: { status: 'active' } }),
  'POST /admin/channels/:id/test': admin({ id: 'spareChannel' }),
  'POST /admin/channels/:id/sync': admin({ id: 'spareChannel' }),
  'POST /admin/channels/:id/teams': admin({ id: 'spareChannel', form: { teamIds: '{spareTeam}' } }),
  'POST /admin/channels/:id/reveal': admin({ id: 'spareChannel' }),
  'GET /admin/webhooks': admin(), 'GET /admin/webhooks/:id': admin({ id: 'missing', ...noFixture('no dead webhook in the fixture') }),
  'POST /admin/webhooks/replay': admin(noFixture('no dead webhook in the fixture')),
  'GET /admin/outbound-webhooks': admin(),
  'POST /admin/outbound-webhooks': admin({ form: { url: 'https://8.8.8.8/turno', events: 'sla.breached' } }),
  'GET /admin/outbound-webhooks/:id': admin({ id: 'webhook' }),
  'POST /admin/outbound-webhooks/:id': admin({ id: 'webhook', form: { url: 'http://127.0.0.1:9/hook', events: 'sla.breached' } }),
  'POST /admin/outbound-webhooks/:id/active': admin({ id: 'webhook', form: { active: 'false' } }),
  'POST /admin/outbound-webhooks/:id/delete': admin({ id: 'doomedWebhook' }),
  'POST /admin/outbound-webhooks/:id/deliveries/:deliveryId/replay': admin({ id: 'webhook', params: { deliveryId: 'delivery' } }),
  'POST /admin/outbound-webhooks/:id/replay-failed': admin({ id: 'webhook' }),
  'GET /admin/plugins': admin(),
  'POST /admin/plugins/:id/enable': admin({ id: 'missing', ...noFixture('the matrix app loads no plugins (test/api/plugins.test.ts covers them)') }),
  'POST /admin/plugins/:id/disable': admin({ id: 'missing', ...noFixture('the matrix app loads no plugins (test/api/plugins.test.ts covers them)') }),
  'POST /admin/plugins/:id/settings': admin({ id: 'missing', ...noFixture('the matrix app loads no plugins (test/api/plugins.test.ts covers them)') }),
  'GET /admin/ai': admin(), 'POST /admin/ai/bot': admin({ form: { enabled: 'false', threshold: '0.7', mode: 'always' } }),
  'POST /admin/ai/generative': admin({ form: { enabled: 'false', baseUrl: '', model: '' } }),
  'POST /admin/ai/downloads': admin({ form: { allow: 'false' } }), 'POST /admin/ai/try': admin({ form: { text: 'hola' } }),
  'POST /admin/ai/eval': admin({ file: ['eval.csv', 'text,intent\nquiero comprar,sales\n'] }),
  'POST /admin/ai/suggestions/:id/approve': admin({ id: 'missing', ...noFixture('suggestions come from the classifier (own tests)') }),
  'POST /admin/ai/suggestions/:id/reject': admin({ id: 'missing', ...noFixture('suggestions come from the classifier (own tests)') }),
  'GET /admin/ai/intents/:id': admin({ id: 'intent' }),
  'GET /admin/ai/intents.csv': admin(), 'POST /admin/ai/import': admin({ file: ['intents.csv', 'intent,example\nbilling,quiero la factura desde el panel\n'] }),
  'POST /admin/ai/intents/:id': admin({ id: 'intent', form: { priority: '0', enabled: 'true' } }),
  'POST /admin/ai/intents/:id/examples': admin({ id: 'intent', form: { text: 'quiero comprar el plan' } }),
  'POST /admin/ai/examples/:id/delete': admin({ id: 'example' }),
  'GET /admin/kb': admin(), 'POST /admin/kb': admin({ form: { title: 'Envíos', questions: '¿Envían?', answer: 'Sí' } }),
  'POST /admin/kb/import': admin({ file: ['kb.csv', 'title,question,answer\nPagos,¿Aceptan tarjeta?,Sí\n'] }),
  'GET /admin/kb/:id': admin({ id: 'kbArticle' }),
  'POST /admin/kb/:id': admin({ id: 'kbArticle', form: { title: 'Horario', questions: '¿Abren?', answer: 'De 9 a 18' } }),
  'POST /admin/kb/:id/enabled': admin({ id: 'spareKbArticle', form: { enabled: 'false' } }),
  'POST /admin/kb/:id/delete': admin({ id: 'spareKbArticle' }),
  'GET /admin/routing/hours': admin(), 'POST /admin/routing/hours': admin({ form: { timezone: 'UTC', day: '1', from: '09:00', to: '18:00' } }),
  'GET /admin/routing/sla': admin(), 'POST /admin/routing/sla': admin({ form: { name: 'Estándar', firstResponseMinutes: '30' } }),
  'POST /admin/routing/sla/:id/delete': admin({ id: 'missing', ...noFixture('no SLA policy in the fixture') }),
  'GET /admin/routing/lifecycle': admin(), 'POST /admin/routing/lifecycle': admin(noFixture('a long settings form (own tests)')),
  'GET /admin/teams': admin(), 'POST /admin/teams': admin({ form: { name: 'Equipo nuevo', assignmentMode: 'manual' } }),
  'POST /admin/teams/:id': admin({ id: 'spareTeam', form: { name: 'Spare team', assignmentMode: 'manual', channelIds: '{spareChannel}' } }),
  'POST /admin/teams/:id/members': admin({ id: 'spareTeam', form: { userId: '{agentIn}' } }),
  'POST /admin/teams/:id/members/:userId/remove': admin({ id: 'spareTeam', params: { userId: 'agentIn' } }),
  'POST /admin/teams/agents/:id/capacity': admin({ id: 'spare', form: { capacity: '5' } }),
  'GET /admin/routing': admin(), 'POST /admin/routing': admin(noFixture('rule JSON forms (own tests)')),
  'POST /admin/routing/test': admin({ form: { text: 'hola' } }),
  'POST /admin/routing/:id': admin({ id: 'missing', ...noFixture('no routing rule in the fixture') }),
  'POST /admin/routing/:id/:op': admin({ id: 'missing', params: { op: 'missing' }, ...noFixture('no routing rule in the fixture') }),

  'GET /api/v1/me': user(), 'GET /api/v1/users': user(), 'GET /api/v1/users/:id': user('agentIn', { id: 'agentIn' }),
  'POST /api/v1/users': admin({ json: { email: 'api@example.test', name: 'API', password: TEST_PASSWORD, role: 'agent' } }),
  'GET /api/v1/teams': user(), 'POST /api/v1/teams': admin({ json: { name: 'Equipo API' } }),
  'GET /api/v1/contacts': user('agentIn', { query: 'q=Zeta' }),
  'GET /api/v1/contacts/:id': user('agentIn', { id: 'contact' }),
  'PATCH /api/v1/contacts/:id': user('agentIn', { id: 'contact', json: { notes: 'nota API' } }),
  'GET /api/v1/conversations': user(), 'GET /api/v1/conversations/:id': conv(),
  'GET /api/v1/conversations/:id/messages': conv(),
  'POST /api/v1/conversations/:id/messages': conv({ json: { content: 'hola' } }),
  'POST /api/v1/conversations/:id/claim': conv(),
  'POST /api/v1/conversations/:id/assign': conv({ json: { teamId: '{ventas}' } }, 'admin'),
  'POST /api/v1/conversations/:id/take-over': conv({}, 'admin'),
  'POST /api/v1/conversations/:id/status': conv({ json: { status: 'open' } }, 'admin'),
  'PUT /api/v1/agents/:id/availability': user('agentIn', { id: 'agentIn', json: { availability: 'online' } }),
  'POST /api/v1/contacts/:id/messages': user('agentIn', { id: 'contact', json: { channelId: '{channel}', template: { name: 'hello_world', language: 'es' } } }),
  'GET /api/v1/webhooks': admin(),
  'POST /api/v1/webhooks': admin({ json: { url: 'https://8.8.8.8/turno', events: ['sla.breached'], active: false } }),
  'GET /api/v1/webhooks/:id': admin({ id: 'webhook' }),
  'PATCH /api/v1/webhooks/:id': admin({ id: 'webhook', json: { events: ['sla.breached', 'contact.updated'] } }),
  'DELETE /api/v1/webhooks/:id': admin({ id: 'spareWebhook' }),
  'GET /api/v1/webhooks/:id/deliveries': admin({ id: 'webhook' }),
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay': admin({ id: 'webhook', params: { deliveryId: 'delivery' } }),
  'POST /api/v1/webhooks/:id/replay-failed': admin({ id: 'webhook' }),
  'GET /api/v1/channels': admin(),
  'POST /api/v1/channels': admin({ json: { name: 'API', phoneNumberId: '5550011', wabaId: '5550012', accessToken: 'token-de-prueba-123', appSecret: 'secreto-app', verifyToken: 'verificar-123', graphUrl: 'http://127.0.0.1:9' } }),
  'GET /api/v1/channels/:id': admin({ id: 'spareChannel' }),
  'PATCH /api/v1/channels/:id': admin({ id: 'spareChannel', json: { name: 'Spare API' } }),
  'POST /api/v1/channels/:id/test': admin({ id: 'spareChannel' }),
  'POST /api/v1/channels/:id/templates/sync': admin({ id: 'spareChannel' }),
  'GET /api/v1/channels/:id/templates': admin({ id: 'spareChannel' }),

  'PATCH /api/v1/users/:id': admin({ id: 'spare', json: { capacity: 5 } }),
  'GET /api/v1/teams/:id': user('agentIn', { id: 'ventas' }), 'GET /api/v1/teams/:id/members': user('agentIn', { id: 'ventas' }),
  'PATCH /api/v1/teams/:id': admin({ id: 'spareTeam', json: { description: 'Desde la API' } }),
  'POST /api/v1/teams/:id/members': admin({ id: 'spareTeam', json: { userId: '{agentIn}' } }),
  'DELETE /api/v1/teams/:id/members/:userId': admin({ id: 'spareTeam', params: { userId: 'agentIn' } }),
  'DELETE /api/v1/teams/:id': admin({ id: 'looseTeam' }),
  'GET /api/v1/contacts/export': user(),
  'POST /api/v1/contacts/import': user('agentIn', { file: ['contactos.csv', 'name,phone\nImportado,+5491155550001\n'], form: { channelId: '{channel}' } }),
  'POST /api/v1/contacts': user('agentIn', { json: { name: 'Nuevo API', phone: '+5491155550000', channelId: '{channel}' } }),
  'PATCH /api/v1/contacts/:id/attributes': user('agentIn', { id: 'contact', json: { set: { plan: 'oro' } } }),
  'GET /api/v1/contacts/:id/conversations': user('agentIn', { id: 'contact' }),
  'POST /api/v1/contacts/:id/merge': sup({ id: 'contact', json: { sourceId: '{spareContact}' } }),
  'DELETE /api/v1/contacts/:id': sup({ id: 'looseContact' }),
  'PATCH /api/v1/conversations/:id': conv({ json: { priority: 'high' } }),
  'POST /api/v1/conversations/:id/labels': conv({ json: { labelId: '{label}' } }),
  'DELETE /api/v1/conversations/:id/labels/:labelId': conv({ params: { labelId: 'label' } }),
  'GET /api/v1/conversations/:id/participants': conv(), 'GET /api/v1/conversations/:id/transcript': conv(),
  'POST /api/v1/conversations/:id/read': conv(), 'POST /api/v1/conversations/:id/unread': conv(),
  'POST /api/v1/conversations/:id/snooze': conv({ json: { untilReply: true } }, 'admin'),
  'POST /api/v1/conversations/:id/notes': conv({ json: { content: 'nota interna' } }),
  'POST /api/v1/uploads': user('agentIn', { file: ['nota.txt', 'hola'] }),
  'POST /api/v1/messages/:id/reactions': user('agentIn', { id: 'message', json: { emoji: '👍' } }),
  'POST /api/v1/messages/:id/retry': user('agentIn', { id: 'spareFailedMessage' }),
  'GET /api/v1/labels': user(), 'POST /api/v1/labels': sup({ json: { name: 'desde-api' } }),
  'PATCH /api/v1/labels/:id': sup({ id: 'apiLabel', json: { name: 'api-label-2', color: '#112233' } }),
  'DELETE /api/v1/labels/:id': sup({ id: 'apiLabel' }),
  'GET /api/v1/canned-responses': user(), 'POST /api/v1/canned-responses': user('spare', { json: { shortcut: 'api2', title: 'API 2', content: 'Hola' } }),
  'PATCH /api/v1/canned-responses/:id': user('spare', { id: 'apiCanned', json: { shortcut: 'api3', title: 'API 3', content: 'Hola otra vez' } }),
  'DELETE /api/v1/canned-responses/:id': user('spare', { id: 'apiCanned' }),
  'GET /api/v1/routing-rules': admin(), 'GET /api/v1/routing-rules/:id': admin({ id: 'rule' }),
  'POST /api/v1/routing-rules': admin({ json: { name: 'API 2', conditions: [{ type: 'keywords', any: ['hola'] }], actions: [{ type: 'set_priority', priority: 'low' }] } }),
  'PATCH /api/v1/routing-rules/:id': admin({ id: 'rule', json: { enabled: false } }),
  'POST /api/v1/routing-rules/:id/move': admin({ id: 'rule', json: { direction: 'up' } }),
  'DELETE /api/v1/routing-rules/:id': admin({ id: 'rule' }),
  'GET /api/v1/business-hours': admin(),
  'PUT /api/v1/business-hours/:scope': admin({ params: { scope: 'hoursScope' }, json: { timezone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '18:00' }], holidays: [] } }),
  'GET /api/v1/business-hours/:scope': admin({ params: { scope: 'hoursScope' } }),
  'GET /api/v1/sla-policies': admin(), 'POST /api/v1/sla-policies': admin({ json: { name: 'API SLA', firstResponseMinutes: 30 } }),
  'DELETE /api/v1/sla-policies/:id': admin({ id: 'sla' }),
  'GET /api/v1/intents': admin(), 'GET /api/v1/intents/:id': admin({ id: 'intent' }),
  'GET /api/v1/intents/export': admin(),
  'POST /api/v1/intents/import': admin({ file: ['intents.csv', 'intent,example\nbilling,quiero la factura desde la API\n'] }),
  'PATCH /api/v1/intents/:id': admin({ id: 'intent', json: { priority: 1 } }),
  'GET /api/v1/intents/:id/examples': admin({ id: 'intent' }),
  'POST /api/v1/intents/:id/examples': admin({ id: 'intent', json: { text: 'quiero comprar desde la API' } }),
  'DELETE /api/v1/intent-examples/:id': admin({ id: 'apiExample' }),
  'GET /api/v1/kb/articles': admin(), 'GET /api/v1/kb/articles/:id': admin({ id: 'kbArticle' }),
  'POST /api/v1/kb/articles': admin({ json: { questions: ['¿Hacen envíos?'], answer: 'Sí, a todo el país', language: 'es' } }),
  'PUT /api/v1/kb/articles/:id': admin({ id: 'kbArticle', json: { questions: ['¿Abren?'], answer: 'De 9 a 18', language: 'es' } }),
  'DELETE /api/v1/kb/articles/:id': admin({ id: 'apiKbArticle' }),
  'GET /api/v1/search': user('agentIn', { query: 'q=hola' }), 'GET /api/v1/audit-log': admin(),
  'GET /api/v1/tokens': user(), 'POST /api/v1/tokens': user('spare', { json: { name: 'integración', scopes: ['read'] } }),
  'GET /api/v1/tokens/:id': user('supervisor', { id: 'token' }),
  'PATCH /api/v1/tokens/:id': user('supervisor', { id: 'token', json: { name: 'renombrado' } }),
  'DELETE /api/v1/tokens/:id': user('supervisor', { id: 'token' }),
};

/** The case of `route`, if the table has one. */
export function caseOf(route: { method: string; path: string }): RouteCase | undefined {
  return ROUTE_CASES[`${route.method} ${route.path}`];
}
