/**
 * The bot as a durable `bot.answer` job (I1): an inbound message reaches routing without waiting
 * for classification or generation; routing leaves the conversation to the bot; a burst of
 * customer messages gets one reply; a bot that may no longer act gives the conversation back.
 */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createArticle } from '../../../../src/ai/kb/articles';
import { BOT_JOB } from '../../../../src/ai/kb/bot-job';
import { setSetting } from '../../../../src/core/settings';
import type { Core } from '../../../../src/core/context';
import type { PublicUser } from '../../../../src/core/types';
import { channelTeams, conversations, jobs, messages } from '../../../../src/db/schema';
import { createTestApp, type TestApp } from '../../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../../helpers/routing-fixtures';

let t: TestApp;
let core: Core;
let channelId: string;
let ana: PublicUser;
beforeEach(async () => {
  t = await createTestApp();
  core = t.app.core;
  await t.app.ai.ready;
  channelId = makeChannel(core);
  ana = await makeAgent(core, 'Ana');
  const team = makeTeam(core, 'Soporte', [ana], { assignmentMode: 'round_robin' });
  core.db.insert(channelTeams).values({ channelId, teamId: team.id }).run();
  setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  createArticle(core, { title: 'Horario', questions: ['a que hora abren', 'cual es el horario de atencion'], answer: 'Abrimos de 9 a 18 h.', language: 'es' }, null);
  createArticle(core, { title: 'Envíos', questions: ['hacen envios al interior', 'cuanto cuesta el envio'], answer: 'El envío cuesta $500.', language: 'es' }, null);
});
afterEach(() => t.close());

const conv = (id: string) => core.db.select().from(conversations).where(eq(conversations.id, id)).get()!;
const botReplies = (id: string) => core.db.select().from(messages)
  .where(and(eq(messages.conversationId, id), eq(messages.senderType, 'bot'), eq(messages.isPrivate, false))).all().map((m) => m.content);

test('routing runs at once and leaves the conversation to the bot; the bot answers in its job', async () => {
  const id = customerWrites(core, channelId, '5491100000001', 'a que hora abren?').conversation!.id;
  await core.bus.drain();
  expect(core.db.select().from(jobs).where(eq(jobs.type, BOT_JOB)).all()).toHaveLength(1);
  expect(botReplies(id)).toEqual([]);
  expect(conv(id)).toMatchObject({ botActive: true, assigneeId: null, teamId: expect.any(String) });
  await t.app.jobs.runDue();
  expect(botReplies(id)).toEqual(['Abrimos de 9 a 18 h.']);
  expect(conv(id)).toMatchObject({ botActive: true, assigneeId: null });
});

test('two quick messages get one reply, to the latest', async () => {
  const id = customerWrites(core, channelId, '5491100000002', 'a que hora abren?').conversation!.id;
  customerWrites(core, channelId, '5491100000002', 'cuanto cuesta el envio?');
  await core.bus.drain();
  await t.app.jobs.runDue();
  expect(botReplies(id)).toEqual(['El envío cuesta $500.']);
});

test('a bot turned off before its job runs gives the conversation back to routing', async () => {
  const id = customerWrites(core, channelId, '5491100000003', 'a que hora abren?').conversation!.id;
  await core.bus.drain();
  setSetting(core, 'ai.bot', { enabled: false, threshold: 0.4, mode: 'always' }, null);
  await t.app.jobs.runDue();
  expect(botReplies(id)).toEqual([]);
  expect(conv(id)).toMatchObject({ botActive: false, assigneeId: ana.id });
});
