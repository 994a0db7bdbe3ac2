/**
 * The bot re-reads the conversation right before it sends or hands off: while the generative
 * endpoint is thinking (up to 20 s), a person may take the conversation, and then the bot must
 * say nothing (C4).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { createArticle } from '../../../../src/ai/kb/articles';
import { assignConversation } from '../../../../src/core/assignment';
import { setSetting } from '../../../../src/core/settings';
import { conversationEvents, messages } from '../../../../src/db/schema';
import type { Message } from '../../../../src/core/types';
import { createTestApp, type TestApp } from '../../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel } from '../../../helpers/routing-fixtures';

let reply = '';
let requested: () => void = () => {};
let release: () => void = () => {};
let server: ReturnType<typeof Bun.serve>;
beforeAll(() => {
  server = Bun.serve({
    port: 0,
    async fetch() {
      requested();
      await new Promise<void>((resolve) => { release = resolve; });
      return Response.json({ choices: [{ message: { role: 'assistant', content: reply } }] });
    },
  });
});
afterAll(() => server.stop(true));

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
  setSetting(t.app.core, 'ai.generative', { enabled: true, baseUrl: `http://localhost:${server.port}`, model: 'slow-llm', apiKeySealed: '' }, null);
  createArticle(t.app.core, { title: 'Horario', questions: ['a que hora abren', 'cual es el horario'], answer: 'Lunes a viernes de 9 a 18 h.', language: 'es' }, null);
});
afterEach(() => t.close());

/** A stored customer message the bot has not seen yet (bot off while it arrives). */
async function storedMessage(text: string): Promise<Message> {
  const core = t.app.core;
  setSetting(core, 'ai.bot', { enabled: false, threshold: 0.4, mode: 'always' }, null);
  const message = customerWrites(core, makeChannel(core), '5491133334444', text).message!;
  await core.bus.drain();
  await t.app.jobs.runDue();
  setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  return message;
}

/** Runs the bot on `message`; while the endpoint is generating, an agent takes the conversation. */
async function botRunsWhileAgentTakes(message: Message) {
  const core = t.app.core;
  const agent = await makeAgent(core, 'Ana');
  const generating = new Promise<void>((resolve) => { requested = resolve; });
  const outcome = t.app.ai.bot.onInbound(message, true);
  await generating;
  assignConversation(core, message.conversationId, { assigneeId: agent.id }, { type: 'user', user: agent });
  release();
  return outcome;
}

function botMessages(conversationId: string) {
  return t.app.core.db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.senderType, 'bot'))).all();
}

test('a generated answer is not sent when a person took the conversation during generation', async () => {
  reply = 'Abrimos de 9 a 18.';
  const message = await storedMessage('a que hora abren?');
  expect(await botRunsWhileAgentTakes(message)).toEqual({ action: 'ignored', why: 'taken_meanwhile' });
  expect(botMessages(message.conversationId)).toHaveLength(0);
});

test('a declined generation does not hand off a conversation a person took meanwhile', async () => {
  reply = 'NO_ANSWER';
  const message = await storedMessage('a que hora abren?');
  expect(await botRunsWhileAgentTakes(message)).toEqual({ action: 'ignored', why: 'taken_meanwhile' });
  expect(botMessages(message.conversationId)).toHaveLength(0);
  const handoffs = t.app.core.db.select().from(conversationEvents)
    .where(and(eq(conversationEvents.conversationId, message.conversationId), eq(conversationEvents.kind, 'bot.handoff'))).all();
  expect(handoffs).toHaveLength(0);
});
