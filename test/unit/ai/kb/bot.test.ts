import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createArticle } from '../../../../src/ai/kb/articles';
import { conversationEvents, conversations, messages } from '../../../../src/db/schema';
import { assignConversation } from '../../../../src/core/assignment';
import { sendMessage } from '../../../../src/core/messages';
import { saveBusinessHours } from '../../../../src/core/routing/hours-store';
import { setSetting } from '../../../../src/core/settings';
import type { Core } from '../../../../src/core/context';
import { createTestApp, type TestApp } from '../../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../../helpers/routing-fixtures';

let t: TestApp;
let core: Core;
let channelId: string;
let phone = 5491100000000;

beforeEach(async () => {
  t = await createTestApp();
  core = t.app.core;
  await t.app.ai.ready;
  channelId = makeChannel(core);
  setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  createArticle(core, { title: 'Horario', questions: ['cual es el horario de atencion', 'a que hora abren', 'abren los domingos?'], answer: 'Abrimos de lunes a viernes de 9 a 18 h.', language: 'es' }, null);
  createArticle(core, { title: 'Horário', questions: ['qual o horario de atendimento', 'que horas abre'], answer: 'Abrimos de segunda a sexta, das 9 às 18 h.', language: 'pt' }, null);
  createArticle(core, { title: 'Envíos', questions: ['hacen envios al interior', 'cuanto cuesta el envio'], answer: 'Enviamos a todo el país; el envío cuesta $500.', language: 'es' }, null);
});
afterEach(() => t.close());

/** Lets listeners run, then the bot's `bot.answer` jobs. */
async function settle() {
  await core.bus.drain();
  await t.app.jobs.runDue();
}

async function customer(text: string, from = String(++phone)) {
  const r = customerWrites(core, channelId, from, text);
  await settle();
  return r.conversation!.id;
}

function thread(conversationId: string) {
  return core.db.select().from(messages).where(eq(messages.conversationId, conversationId)).all().sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
function conv(id: string) {
  return core.db.select().from(conversations).where(eq(conversations.id, id)).get()!;
}
function eventsOf(id: string, kind: string) {
  return core.db.select().from(conversationEvents).where(and(eq(conversationEvents.conversationId, id), eq(conversationEvents.kind, kind))).all();
}

describe('knowledge-base bot', () => {
  test('answers a known question with the article, as the bot, and stays active', async () => {
    const id = await customer('hola, a que hora abren?');
    const out = thread(id).filter((m) => m.direction === 'outbound');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ senderType: 'bot', content: 'Abrimos de lunes a viernes de 9 a 18 h.', status: 'queued', isPrivate: false });
    expect(conv(id).botActive).toBe(true);
    expect(eventsOf(id, 'ai.classified')).toHaveLength(1);
    const classified = eventsOf(id, 'ai.classified')[0]!.details as { intent: string | null; intentNames: Record<string, string> | null };
    expect(classified.intent).not.toBeNull();
    expect(classified.intentNames?.es).toBeTruthy(); // named for the timeline in the reader's language
  });

  test('answers in the customer language when an article exists in it', async () => {
    const id = await customer('oi, que horas abre a loja?');
    expect(thread(id).find((m) => m.direction === 'outbound')!.content).toBe('Abrimos de segunda a sexta, das 9 às 18 h.');
  });

  test('a request for a person hands off to the human intent team with a summary note and stops', async () => {
    const humans = makeTeam(core, 'Atención', [await makeAgent(core, 'Ana', { availability: 'offline' })]);
    await t.app.ai.intents.updateIntent('human', { targetTeamId: humans.id, labels: [], priority: 0, enabled: true }, null);
    const id = await customer('quiero hablar con una persona');
    const c = conv(id);
    expect(c.teamId).toBe(humans.id);
    expect(c.assigneeId).toBeNull();
    expect(c.botActive).toBe(false);
    const note = thread(id).find((m) => m.isPrivate)!;
    expect(note.senderType).toBe('bot');
    expect(note.content).toContain('human requested');
    expect(note.content).toContain('Intent: human');
    expect(note.content).toContain('quiero hablar con una persona');
    expect(eventsOf(id, 'bot.handoff')).toHaveLength(1);
    // The bot stays silent afterwards, even for a question it knows.
    const outbound = thread(id).filter((m) => m.direction === 'outbound').length;
    customerWrites(core, channelId, String(phone), 'a que hora abren?');
    await settle();
    expect(thread(id).filter((m) => m.direction === 'outbound')).toHaveLength(outbound);
  });

  test('a complaint hands off to the complaint team', async () => {
    const team = makeTeam(core, 'Calidad', []);
    await t.app.ai.intents.updateIntent('complaint', { targetTeamId: team.id, labels: [], priority: 5, enabled: true }, null);
    const id = await customer('pesimo servicio, el producto llego roto');
    expect(conv(id).teamId).toBe(team.id);
    expect(thread(id).find((m) => m.isPrivate)!.content).toContain('reason: complaint');
  });

  test('a question below the threshold hands off with the close articles in the summary', async () => {
    const id = await customer('necesito la factura de mi ultima compra');
    const note = thread(id).find((m) => m.isPrivate)!;
    expect(note.content).toContain('low confidence');
    expect(note.content).toContain('Intent: billing');
    expect(conv(id).botActive).toBe(false);
  });

  test('never answers after a human replied or took the conversation', async () => {
    const agent = await makeAgent(core, 'Beto');
    const botMessages = (id: string) => thread(id).filter((m) => m.senderType === 'bot').length;
    const replied = await customer('a que hora abren?');
    expect(conv(replied).botActive).toBe(true);
    sendMessage(core, replied, { type: 'user', user: agent }, { content: 'Hola, ¿en qué te ayudo?' });
    const before = botMessages(replied);
    customerWrites(core, channelId, String(phone), 'cuanto cuesta el envio?');
    await settle();
    expect(botMessages(replied)).toBe(before);
    expect(thread(replied).at(-1)!.content).toBe('cuanto cuesta el envio?');

    const taken = await customer('abren los domingos?');
    expect(botMessages(taken)).toBe(1);
    assignConversation(core, taken, { assigneeId: agent.id }, { type: 'user', user: agent });
    const beforeTaken = botMessages(taken);
    customerWrites(core, channelId, String(phone), 'cuanto cuesta el envio?');
    await settle();
    expect(botMessages(taken)).toBe(beforeTaken);
  });

  test('after hours: covers while closed, tells when humans are back, stays out while open', async () => {
    setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'after_hours' }, null);
    // Open only on a day/time far from "now": Monday 09:00-10:00 in UTC, and "now" set to a Sunday.
    saveBusinessHours(core, null, { timezone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '10:00' }], holidays: [] }, null);
    t.clock.set(Date.UTC(2030, 5, 2, 12, 0)); // Sunday 2 June 2030
    const id = await customer('quiero hablar con una persona');
    const told = thread(id).find((m) => m.direction === 'outbound' && !m.isPrivate)!;
    expect(told.content).toContain('fuera de horario');
    expect(told.content).toMatch(/lunes/);
    t.clock.set(Date.UTC(2030, 5, 3, 9, 30)); // Monday 09:30, open
    const open = await customer('a que hora abren?');
    expect(thread(open).filter((m) => m.direction === 'outbound')).toHaveLength(0);
  });
});
