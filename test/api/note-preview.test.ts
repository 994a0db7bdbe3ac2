/** A private note never becomes the conversation list's last message (preview, type, time). */
import { afterAll, expect, test } from 'bun:test';
import { getConversationOrThrow } from '../../src/core/conversations';
import { sendMessage } from '../../src/core/messages';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { createTestApp } from '../helpers/test-app';

const t = await createTestApp();
afterAll(() => t.close());

test('the list keeps the customer-facing last message when an agent adds a note; a reply replaces it', async () => {
  const { user } = await t.signIn('agent');
  const { channelId } = makeChannel(t);
  const { conversation } = customerSays(t, channelId, '¿Llega el viernes?');
  const before = getConversationOrThrow(t.app.core, conversation!.id);
  t.clock.advance(60_000);
  sendMessage(t.app.core, before.id, { type: 'user', user }, { content: 'Revisar stock con bodega', private: true });
  const afterNote = getConversationOrThrow(t.app.core, before.id);
  expect(afterNote).toMatchObject({ lastMessagePreview: '¿Llega el viernes?', lastMessageType: 'text', lastMessageAt: before.lastMessageAt });
  t.clock.advance(60_000);
  sendMessage(t.app.core, before.id, { type: 'user', user }, { content: 'Sí, llega el viernes' });
  expect(getConversationOrThrow(t.app.core, before.id)).toMatchObject({ lastMessagePreview: 'Sí, llega el viernes', lastMessageType: 'text', lastMessageAt: t.clock.now() });
});
