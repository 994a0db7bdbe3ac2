/**
 * CSAT end to end against the Graph simulator: resolving asks with reply buttons inside the
 * 24-hour window and with the admin's approved template outside it; the customer's tap and
 * comment land on the survey and the timeline without reopening; a low score notifies the
 * supervisors; the same customer is not asked twice within the cool-down; the report counts it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { saveCsatSettings } from '../../src/core/csat/settings';
import { CSAT_COMMENT_WINDOW_MS, surveysOf } from '../../src/core/csat/survey';
import { getConversationOrThrow, listConversationEvents } from '../../src/core/conversations';
import { sendMessage } from '../../src/core/messages';
import { unreadNotifications } from '../../src/core/routing/notify';
import { setConversationStatus } from '../../src/core/routing/lifecycle';
import type { Channel, PublicUser } from '../../src/core/types';
import { conversations } from '../../src/db/schema';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../helpers/whatsapp';

let t: TestApp;
let sim: GraphSimulator;
let channel: Channel;
let agent: PublicUser;
let supervisor: PublicUser;

const HOUR = 3600_000;
const core = () => t.app.core;
const conversationOf = (phone: string) => core().db.$client.query<{ id: string }, [string]>(
  'SELECT c.id FROM conversations c JOIN contact_identities i ON i.contact_id = c.contact_id WHERE i.raw_id = ? ORDER BY c.created_at DESC').get(phone)!.id;

/** The customer writes through the simulator's signed webhook; the app applies it. */
async function customer(phone: string, message: Record<string, unknown>) {
  await sim.sendInbound({ id: `wamid.${crypto.randomUUID()}`, ...message, timestamp: String(Math.floor(t.clock.now() / 1000)) }, phone);
  t.app.ingest.processPending();
  await core().bus.drain();
}
/** Runs due jobs (survey, sends) until none is left. */
async function settle() {
  for (let i = 0; i < 4; i++) {
    await t.app.jobs.runDue();
    await core().bus.drain();
  }
}
async function resolve(conversationId: string) {
  setConversationStatus(core(), conversationId, { status: 'resolved' }, { type: 'user', user: agent });
  await core().bus.drain();
  await settle();
}
const lastSent = () => sim.sent[sim.sent.length - 1]!.body as Record<string, any>;

beforeAll(async () => {
  t = await createTestApp();
  const port = t.app.listen(0);
  sim = await startGraphSimulator({
    appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, statusDelays: false,
  });
  sim.templates.add({
    id: '990001', name: 'csat_encuesta', language: 'es', status: 'APPROVED', category: 'UTILITY',
    components: [{ type: 'BODY', text: '¿Cómo te atendimos en tu última conversación?' }, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: '😞' }, { type: 'QUICK_REPLY', text: '😐' }, { type: 'QUICK_REPLY', text: '🙂' }] }],
  });
  channel = addTestChannel(t, sim.url);
  const { scheduleTemplateSync } = await import('../../src/jobs/handlers/templates-sync');
  scheduleTemplateSync(core(), channel.id);
  await settle();
  agent = (await t.signIn('agent', { name: 'Ana' })).user;
  supervisor = (await t.signIn('supervisor', { name: 'Sofía' })).user;
  saveCsatSettings(core(), null, { enabled: true, language: 'es', templateName: 'csat_encuesta', templateLanguage: 'es', cooldownDays: 30, lowScore: 2 }, null);
});
afterAll(async () => {
  await sim.stop();
  await t.close();
});

describe('inside the 24-hour window', () => {
  const PHONE = '5215550000001';
  let conversationId: string;

  test('resolving sends three reply buttons; a low tap is stored, keeps the conversation resolved and alerts supervisors', async () => {
    await customer(PHONE, { type: 'text', text: { body: 'Mi pedido no llegó' } });
    conversationId = conversationOf(PHONE);
    sendMessage(core(), conversationId, { type: 'user', user: agent }, { content: 'Lo revisamos ya mismo' });
    await settle();
    await resolve(conversationId);

    const ask = lastSent();
    expect(ask.type).toBe('interactive');
    expect(ask.interactive.body.text).toBe('¿Cómo te atendimos? Elige una opción.');
    const buttons = ask.interactive.action.buttons as Array<{ reply: { id: string; title: string } }>;
    expect(buttons.map((b) => b.reply.title)).toEqual(['😞 Mal', '😐 Regular', '🙂 Bien']);
    const [survey] = surveysOf(core(), conversationId);
    expect(survey).toMatchObject({ status: 'sent', via: 'buttons' });

    await customer(PHONE, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: buttons[0]!.reply.id, title: buttons[0]!.reply.title } } });
    expect(surveysOf(core(), conversationId)[0]).toMatchObject({ status: 'answered', score: 1 });
    expect(getConversationOrThrow(core(), conversationId)).toMatchObject({ status: 'resolved', waitingSince: null });
    expect(listConversationEvents(core(), conversationId).filter((e) => e.kind.startsWith('csat.')).map((e) => [e.kind, e.details.score ?? null]))
      .toEqual([['csat.requested', null], ['csat.answered', 1]]);
    expect(t.events.filter((e) => e.name === 'csat.received').map((e) => e.payload.score)).toEqual([1]);
    expect(unreadNotifications(core(), supervisor.id).map((n) => [n.kind, n.details.score])).toEqual([['csat.low', 1]]);
    expect(unreadNotifications(core(), agent.id)).toEqual([]);
    await settle();
    expect(lastSent().text.body).toBe('Gracias por decírnoslo. ¿Qué podemos mejorar? Escríbenos en un mensaje.');
  });

  test('the next text is the comment; it lands on the survey and the timeline', async () => {
    await customer(PHONE, { type: 'text', text: { body: 'Tardaron dos días en contestar' } });
    expect(surveysOf(core(), conversationId)[0]).toMatchObject({ score: 1, comment: 'Tardaron dos días en contestar' });
    expect(getConversationOrThrow(core(), conversationId).status).toBe('resolved');
    const commented = listConversationEvents(core(), conversationId).find((e) => e.kind === 'csat.commented')!;
    expect(commented.details).toMatchObject({ score: 1, comment: 'Tardaron dos días en contestar' });
    const { client } = await t.signIn('supervisor');
    const thread = await (await client.get(`/inbox/c/${conversationId}`, { 'accept-language': 'es' })).text();
    expect(thread).toContain('El cliente valoró la atención con 1/5');
    const api = await (await client.get(`/api/v1/conversations/${conversationId}`)).json();
    expect(api.csat).toMatchObject([{ status: 'answered', score: 1, comment: 'Tardaron dos días en contestar', via: 'buttons' }]);
    expect(thread).toContain('Comentario del cliente sobre la valoración: “Tardaron dos días en contestar”');
  });

  test('within the cool-down the same customer is not asked again', async () => {
    t.clock.advance(CSAT_COMMENT_WINDOW_MS + 60_000);
    const sentBefore = sim.sent.length;
    await customer(PHONE, { type: 'text', text: { body: 'Otra consulta' } });
    expect(getConversationOrThrow(core(), conversationId).status).toBe('open');
    await resolve(conversationId);
    expect(sim.sent.length).toBe(sentBefore);
    expect(surveysOf(core(), conversationId)).toHaveLength(1);
  });
});

describe('outside the 24-hour window', () => {
  const PHONE = '5215550000002';

  test('resolving sends the approved template with a payload per button; a tap is stored', async () => {
    await customer(PHONE, { type: 'text', text: { body: 'Hola' } });
    const conversationId = conversationOf(PHONE);
    sendMessage(core(), conversationId, { type: 'user', user: agent }, { content: '¡Hola!' });
    await settle();
    t.clock.advance(25 * HOUR);
    await resolve(conversationId);

    const ask = lastSent();
    expect(ask.type).toBe('template');
    expect(ask.template.name).toBe('csat_encuesta');
    const payloads = (ask.template.components as Array<{ type: string; index: string; parameters: Array<{ payload: string }> }>)
      .filter((c) => c.type === 'button').map((c) => c.parameters[0]!.payload);
    expect(payloads).toHaveLength(3);
    expect(surveysOf(core(), conversationId)[0]).toMatchObject({ status: 'sent', via: 'template' });

    await customer(PHONE, { type: 'button', button: { text: '🙂', payload: payloads[2] } });
    expect(surveysOf(core(), conversationId)[0]).toMatchObject({ status: 'answered', score: 5 });
    expect(core().db.select().from(conversations).where(eq(conversations.id, conversationId)).get()!.status).toBe('resolved');
    expect(unreadNotifications(core(), supervisor.id)).toHaveLength(1);
  });

  test('the report counts both answers', async () => {
    const day = new Date(t.clock.now()).toISOString().slice(0, 10);
    const from = new Date(t.clock.now() - 3 * 24 * HOUR).toISOString().slice(0, 10);
    const { client } = await t.signIn('supervisor');
    const body = await (await client.get(`/api/v1/reports/summary?from=${from}&to=${day}`)).json();
    expect(body.csat).toEqual({ responses: 2, average: 3, satisfiedPercent: 50 });
  });
});
