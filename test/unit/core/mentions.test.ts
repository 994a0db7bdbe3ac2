import { afterEach, beforeEach, expect, test } from 'bun:test';
import { createWhatsAppChannel } from '../../../src/core/channels';
import { receiveInbound, sendMessage } from '../../../src/core/messages';
import { mentions } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

test('a private note sent through any path (here core, as the API does) records its @mentions after commit', async () => {
  const core = t.app.core;
  const channel = createWhatsAppChannel(core, { name: 'M', phoneNumberId: '1234567890', wabaId: '1234567', accessToken: 'EAAG-token-x', appSecret: 'secret-secret', verifyToken: 'verify-token' }, null);
  const conv = receiveInbound(core, { channelId: channel.id, identity: { externalId: '5491100000001', rawId: '5491100000001' }, externalId: 'wamid.M', type: 'text', content: 'hola', raw: '{}', sentAt: t.clock.now() }).conversation!;
  const ana = (await t.signIn('agent', { name: 'Ana Pérez' })).user;
  const luis = (await t.signIn('supervisor', { name: 'Luis' })).user;
  sendMessage(core, conv.id, { type: 'user', user: luis }, { content: '@Ana mirá este caso', private: true });
  sendMessage(core, conv.id, { type: 'user', user: luis }, { content: '@Ana esto no es una nota' });
  await core.bus.drain();
  expect(core.db.select().from(mentions).all().map((m) => m.userId)).toEqual([ana.id]);
  expect(t.events.filter((e) => e.name === 'mention.created').map((e) => e.payload.userId)).toEqual([ana.id]);
});
