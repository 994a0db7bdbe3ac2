/** The out-of-office reply never doubles the knowledge-base bot's reply to the same message (C5). */
import { afterEach, beforeEach, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createArticle } from '../../../src/ai/kb/articles';
import { saveBusinessHours } from '../../../src/core/routing/hours-store';
import { setSetting } from '../../../src/core/settings';
import { messages } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerWrites, makeChannel } from '../../helpers/routing-fixtures';

let t: TestApp;
let channelId: string;
beforeEach(async () => {
  t = await createTestApp();
  await t.app.ai.ready;
  const core = t.app.core;
  channelId = makeChannel(core);
  saveBusinessHours(core, null, { timezone: 'America/Sao_Paulo', weekly: [], holidays: [], outOfOfficeMessage: 'Estamos cerrados' }, null);
  setSetting(core, 'ai.bot', { enabled: true, threshold: 0.4, mode: 'always' }, null);
  createArticle(core, { title: 'Horario', questions: ['a que hora abren', 'cual es el horario de atencion'], answer: 'Abrimos de lunes a viernes de 9 a 18 h.', language: 'es' }, null);
});
afterEach(async () => { await t.close(); });

async function publicReplies(phone: string, text: string): Promise<string[]> {
  const conv = customerWrites(t.app.core, channelId, phone, text).conversation!;
  await t.app.core.bus.drain();
  await t.app.jobs.runDue();
  await t.app.core.bus.drain();
  return t.app.core.db.select().from(messages).where(eq(messages.conversationId, conv.id)).all()
    .filter((m) => m.direction === 'outbound' && !m.isPrivate).map((m) => m.content);
}

test('when the bot answers, the out-of-office reply is not sent too', async () => {
  expect(await publicReplies('5491100000001', 'a que hora abren?')).toEqual(['Abrimos de lunes a viernes de 9 a 18 h.']);
});

test('when the bot hands off, only its handoff message goes out', async () => {
  const replies = await publicReplies('5491100000002', 'necesito la factura de mi ultima compra');
  expect(replies).toHaveLength(1);
  expect(replies[0]).not.toBe('Estamos cerrados');
});

test('with the bot off, the out-of-office reply still goes out', async () => {
  setSetting(t.app.core, 'ai.bot', { enabled: false, threshold: 0.4, mode: 'always' }, null);
  expect(await publicReplies('5491100000003', 'a que hora abren?')).toEqual(['Estamos cerrados']);
});
