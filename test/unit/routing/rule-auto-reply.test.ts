/** Rule auto-replies are throttled per rule and conversation and stop once a person is involved (I9). */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { sendMessage } from '../../../src/core/messages';
import { createRule } from '../../../src/core/routing/rules';
import { getSetting } from '../../../src/core/settings';
import { messages } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeAgent, makeChannel } from '../../helpers/routing-fixtures';

let t: TestApp;
let channelId: string;
beforeEach(async () => {
  t = await createTestApp();
  channelId = makeChannel(t.app.core);
  createRule(t.app.core, { name: 'Acuse', onEveryMessage: true, conditions: [{ type: 'regex', pattern: '.' }], actions: [{ type: 'auto_reply', text: 'Recibimos tu mensaje' }] }, null);
});
afterEach(async () => { await t.close(); });

async function writes(phone: string, text: string): Promise<string> {
  const id = customerWrites(t.app.core, channelId, phone, text).conversation!.id;
  await t.app.core.bus.drain();
  return id;
}
const autoReplies = (id: string) => t.app.core.db.select().from(messages)
  .where(and(eq(messages.conversationId, id), eq(messages.content, 'Recibimos tu mensaje'))).all().length;

test('a burst of customer messages (or an auto-responder) gets one auto-reply per throttle period', async () => {
  const id = await writes('5491100000001', 'hola');
  await writes('5491100000001', 'Estoy fuera de la oficina');
  await writes('5491100000001', 'Estoy fuera de la oficina');
  expect(autoReplies(id)).toBe(1);
  t.clock.advance(getSetting(t.app.core, 'hours.outOfOfficeEveryHours') * 3600_000 + 1);
  await writes('5491100000001', 'sigo esperando');
  expect(autoReplies(id)).toBe(2);
});

test('no auto-reply once a person answered', async () => {
  const id = await writes('5491100000002', 'hola');
  const agent = await makeAgent(t.app.core, 'Ana');
  sendMessage(t.app.core, id, { type: 'user', user: agent }, { content: 'Hola, soy Ana' });
  t.clock.advance(getSetting(t.app.core, 'hours.outOfOfficeEveryHours') * 3600_000 + 1);
  await writes('5491100000002', 'gracias');
  expect(autoReplies(id)).toBe(1);
});
