/**
 * End to end through the app: a signed WhatsApp webhook → ingest → bot. A known FAQ is answered by
 * the bot (queued outbound, sender 'bot'); "quiero hablar con una persona" lands in the queue of the
 * `human` intent's team with the bot stopped and a summary note.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createArticle } from '../../src/ai/kb/articles';
import { conversationEvents, conversations, jobs, messages } from '../../src/db/schema';
import { setSetting } from '../../src/core/settings';
import { createTeam } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, textMessage } from '../helpers/whatsapp';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
  addTestChannel(t);
  setSetting(t.app.core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  createArticle(t.app.core, { title: 'Horario', questions: ['a que hora abren', 'cual es el horario de atencion'], answer: 'Abrimos de lunes a viernes de 9 a 18 h.', language: 'es' }, null);
});
afterEach(() => t.close());

async function customerSays(waId: string, wamid: string, text: string) {
  const res = await postWebhook(t, messagesEnvelope([textMessage(wamid, text, Math.floor(t.clock.now() / 1000))], { waId }));
  expect(res.status).toBe(200);
  t.app.ingest.processPending();
  await t.app.core.bus.drain();
  await t.app.jobs.runDue(); // the bot answers in its `bot.answer` job
  const inbound = t.app.core.db.select().from(messages).where(eq(messages.externalId, wamid)).get()!;
  return t.app.core.db.select().from(conversations).where(eq(conversations.id, inbound.conversationId)).get()!;
}
const thread = (conversationId: string) => t.app.core.db.select().from(messages).where(eq(messages.conversationId, conversationId)).all();

test('a known FAQ gets the article answer queued as an outbound bot message', async () => {
  const conversation = await customerSays('5491155550001', 'wamid.faq1', 'Hola! a qué hora abren?');
  const answer = thread(conversation.id).find((m) => m.direction === 'outbound')!;
  expect(answer).toMatchObject({ senderType: 'bot', status: 'queued', isPrivate: false, content: 'Abrimos de lunes a viernes de 9 a 18 h.' });
  expect(t.app.core.db.select().from(jobs).where(and(eq(jobs.type, 'message.send'))).all().some((j) => (j.payload as { messageId: string }).messageId === answer.id)).toBe(true);
  expect(conversation.botActive).toBe(true);
});

test('"quiero hablar con una persona" lands in the human queue of the right team', async () => {
  const team = createTeam(t.app.core, { name: 'Atención al cliente' }, null);
  await t.app.ai.intents.updateIntent('human', { targetTeamId: team.id, labels: [], priority: 0, enabled: true }, null);
  const conversation = await customerSays('5491155550002', 'wamid.human1', 'quiero hablar con una persona');
  expect(conversation).toMatchObject({ teamId: team.id, assigneeId: null, botActive: false });
  const note = thread(conversation.id).find((m) => m.isPrivate)!;
  expect(note.content).toContain('Intent: human');
  expect(note.content).toContain('quiero hablar con una persona');
  const trail = t.app.core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, conversation.id)).all();
  expect(trail.find((e) => e.kind === 'assigned')!.details).toMatchObject({ mode: 'bot_handoff', intent: 'human', teamId: team.id });
  expect(t.eventNames()).toContain('conversation.assigned');
});

test('while the bot answers nobody is auto-assigned; its handoff gives the conversation to an online agent', async () => {
  const { makeAgent, makeTeam } = await import('../helpers/routing-fixtures');
  const ana = await makeAgent(t.app.core, 'Ana', { availability: 'online' });
  const team = makeTeam(t.app.core, 'Soporte', [ana], { assignmentMode: 'round_robin' });
  await t.app.ai.intents.updateIntent('human', { targetTeamId: team.id, labels: [], priority: 0, enabled: true }, null);
  const { channelTeams, channels } = await import('../../src/db/schema');
  const channel = t.app.core.db.select().from(channels).get()!;
  t.app.core.db.insert(channelTeams).values({ channelId: channel.id, teamId: team.id }).run();
  const answered = await customerSays('5491155550003', 'wamid.faq3', 'cual es el horario de atencion?');
  expect(answered).toMatchObject({ botActive: true, assigneeId: null });
  const handedOff = await customerSays('5491155550003', 'wamid.human3', 'quiero hablar con una persona');
  expect(handedOff).toMatchObject({ botActive: false, teamId: team.id, assigneeId: ana.id });
});
