import { afterEach, beforeEach, expect, test } from 'bun:test';
import { count, eq } from 'drizzle-orm';
import { DEFAULT_INTENTS } from '../../../src/ai/default-intents';
import { listExamples, seedDefaultIntents } from '../../../src/ai/intent-store';
import { approveSuggestion, learnFromReassignment, listSuggestions, rejectSuggestion } from '../../../src/ai/learning';
import { intentExamples, intents } from '../../../src/db/schema';
import { assignConversation } from '../../../src/core/assignment';
import { addConversationEvent } from '../../../src/core/conversations';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel, makeTeam } from '../../helpers/routing-fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
});
afterEach(() => t.close());

const examplesCount = () => t.app.core.db.select({ n: count() }).from(intentExamples).get()!.n;

test('seeds the default intents once; seeding again changes nothing', () => {
  const core = t.app.core;
  const seeded = DEFAULT_INTENTS.reduce((n, i) => n + i.examples.length, 0);
  expect(core.db.select({ n: count() }).from(intents).get()!.n).toBe(DEFAULT_INTENTS.length);
  expect(examplesCount()).toBe(seeded);
  const first = listExamples(core, 'billing')[0]!;
  core.db.delete(intentExamples).where(eq(intentExamples.id, first.id)).run();
  expect(seedDefaultIntents(core)).toEqual([]);
  expect(examplesCount()).toBe(seeded - 1); // a deleted example is not resurrected
  expect(t.app.ai.intents.exampleCount).toBe(seeded);
});

test('adding and removing examples retrains the shared classifier', async () => {
  const { intents: store } = t.app.ai;
  const phrase = 'zorblax quantum flux capacitor';
  expect((await t.app.ai.classifyIntent(phrase)).intent).not.toBe('support');
  const row = await store.addExample('support', phrase, 'admin', null);
  expect((await t.app.ai.classifyIntent(phrase)).intent).toBe('support');
  await expect(store.addExample('support', phrase, 'admin', null)).rejects.toThrow('already has that example');
  await store.removeExample(row.id, null);
  expect((await t.app.ai.classifyIntent(phrase)).intent).not.toBe('support');
});

test('disabling an intent removes it from the classifier', async () => {
  await t.app.ai.intents.updateIntent('appointment', { targetTeamId: null, labels: [], priority: 0, enabled: false }, null);
  expect((await t.app.ai.classifyIntent('quiero agendar una cita para el martes')).intent).not.toBe('appointment');
});

test('an agent re-routing a classified conversation queues a suggestion; approving teaches the classifier', async () => {
  const core = t.app.core;
  const channel = makeChannel(core);
  const sales = makeTeam(core, 'Ventas', []);
  const billing = makeTeam(core, 'Cobros', []);
  await t.app.ai.intents.updateIntent('billing', { targetTeamId: billing.id, labels: [], priority: 0, enabled: true }, null);
  const agent = await makeAgent(core, 'Eva');
  const phrase = 'zorblax pago pendiente del mes';
  const conversationId = customerWrites(core, channel, '5215512345678', phrase).conversation!.id;
  await core.bus.drain();
  // The AI routed it to sales (recorded trail), the agent moves it to billing.
  addConversationEvent(core, conversationId, 'ai.classified', null, { intent: 'sales', confidence: 0.6, backend: 'embedded', teamId: sales.id });
  assignConversation(core, conversationId, { teamId: billing.id }, { type: 'user', user: agent });
  await core.bus.drain();
  const [suggestion] = listSuggestions(core);
  expect(suggestion).toMatchObject({ conversationId, messageText: phrase, fromIntent: 'sales', toIntent: 'billing', teamId: billing.id, createdBy: agent.id });

  await approveSuggestion(core, t.app.ai.intents, suggestion!.id, null, { type: 'user', user: agent });
  expect(listExamples(core, 'billing').some((e) => e.text === phrase && e.source === 'learned')).toBe(true);
  expect((await t.app.ai.classifyIntent(phrase)).intent).toBe('billing');
  expect(listSuggestions(core)).toHaveLength(0);
  expect(() => rejectSuggestion(core, suggestion!.id, null)).toThrow('already decided');
});

test('a re-route by the system, or to the team the AI chose, is not a correction', async () => {
  const core = t.app.core;
  const channel = makeChannel(core);
  const team = makeTeam(core, 'Soporte', []);
  const conversation = customerWrites(core, channel, '5215500000001', 'no me deja entrar').conversation!;
  addConversationEvent(core, conversation.id, 'ai.classified', null, { intent: 'support', teamId: team.id });
  expect(learnFromReassignment(core, { ...conversation, teamId: team.id }, null, { type: 'system', name: 'router' })).toBeNull();
  const agent = await makeAgent(core, 'Leo');
  expect(learnFromReassignment(core, { ...conversation, teamId: team.id }, null, { type: 'user', user: agent })).toBeNull();
});
