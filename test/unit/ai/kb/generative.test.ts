import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createArticle } from '../../../../src/ai/kb/articles';
import { messages } from '../../../../src/db/schema';
import { setSetting } from '../../../../src/core/settings';
import { encryptSecret } from '../../../../src/lib/crypto';
import { createTestApp, type TestApp } from '../../../helpers/test-app';
import { customerWrites, makeChannel } from '../../../helpers/routing-fixtures';

const requests: Array<{ auth: string | null; body: any }> = [];
let reply = 'Abrimos de 9 a 18, de lunes a viernes.';
let server: ReturnType<typeof Bun.serve>;
beforeAll(() => {
  server = Bun.serve({
    port: 0,
    async fetch(req) {
      requests.push({ auth: req.headers.get('authorization'), body: await req.json() });
      return Response.json({ choices: [{ message: { role: 'assistant', content: reply } }] });
    },
  });
});
afterAll(() => server.stop(true));

let t: TestApp;
beforeEach(async () => {
  requests.length = 0;
  t = await createTestApp();
  await t.app.ai.ready;
  const core = t.app.core;
  setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  setSetting(core, 'ai.generative', { enabled: true, baseUrl: `http://localhost:${server.port}`, model: 'fake-llm', apiKeySealed: encryptSecret(t.config.secretKey, 'sk-test') }, null);
  createArticle(core, { title: 'Horario', questions: ['a que hora abren', 'cual es el horario'], answer: 'Lunes a viernes de 9 a 18 h.', language: 'es' }, null);
});
afterEach(() => t.close());

async function ask(text: string, phone: string) {
  const core = t.app.core;
  const id = customerWrites(core, makeChannel(core), phone, text).conversation!.id;
  await core.bus.drain();
  await t.app.jobs.runDue();
  return core.db.select().from(messages).where(eq(messages.conversationId, id)).all().filter((m) => m.direction === 'outbound');
}

test('generates an answer grounded only in the retrieved articles and lists the sources privately', async () => {
  const out = await ask('a que hora abren?', '5491111111111');
  expect(requests).toHaveLength(1);
  const { body, auth } = requests[0]!;
  expect(auth).toBe('Bearer sk-test');
  expect(body.model).toBe('fake-llm');
  expect(body.messages[0].role).toBe('system');
  expect(body.messages[0].content).toContain('Lunes a viernes de 9 a 18 h.');
  expect(body.messages[1]).toEqual({ role: 'user', content: 'a que hora abren?' });
  expect(out.find((m) => !m.isPrivate)!.content).toBe(reply);
  expect(out.find((m) => m.isPrivate)!.content).toContain('Sources:\n[1] Horario');
});

test('no retrieved article means no generation and a handoff', async () => {
  const out = await ask('necesito la factura de marzo', '5491122222222');
  expect(requests).toHaveLength(0);
  expect(out.find((m) => m.isPrivate)!.content).toContain('Bot handoff');
});

test('the model declining to answer hands off', async () => {
  reply = 'NO_ANSWER';
  const out = await ask('a que hora abren?', '5491133333333');
  expect(requests).toHaveLength(1);
  expect(out.find((m) => m.isPrivate)!.content).toContain('generation declined');
  reply = 'Abrimos de 9 a 18, de lunes a viernes.';
});
