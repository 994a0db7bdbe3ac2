/**
 * The contact sidebar's previous conversations: a "none yet" line for a first conversation, and
 * each earlier conversation's last message labelled in the reader's language (not the stored
 * English preview), like the list row; the supervisor board's cards do the same.
 */
import { afterAll, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { updateProfile } from '../../src/core/profile';
import { conversations } from '../../src/db/schema';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { storedFixture } from '../helpers/stored-fixture';
import { createTestApp } from '../helpers/test-app';

const t = await createTestApp();
afterAll(() => t.close());

test('previous conversations: "none yet" at first, then the earlier one labelled in Spanish', async () => {
  const first = makeChannel(t);
  const second = makeChannel(t);
  const { user, client } = await t.signIn('supervisor');
  updateProfile(t.app.core, user.id, { name: user.name, locale: 'es' }, { type: 'system', name: 'test' });

  const from = '5491100030001';
  const location = storedFixture('location');
  const old = customerSays(t, first.channelId, location.content, { from, type: location.type, payload: location.payload as Record<string, unknown> }).conversation!;
  expect(old.lastMessagePreview).not.toContain('Ubicación');
  const alone = await (await client.get(`/inbox/c/${old.id}`)).text();
  expect(alone).toContain('Ninguna todavía: es la primera conversación con este contacto.');

  t.clock.advance(60_000);
  const current = customerSays(t, second.channelId, 'hola otra vez', { from }).conversation!;
  expect(current.id).not.toBe(old.id);
  // the same person on another number (contacts are per channel): link it to the first contact
  t.app.core.db.update(conversations).set({ contactId: old.contactId }).where(eq(conversations.id, current.id)).run();
  const page = await (await client.get(`/inbox/c/${current.id}`)).text();
  const history = page.slice(page.indexOf('Conversaciones anteriores'));
  expect(history).toContain(`href="/inbox/c/${old.id}"`);
  expect(history).toContain('Ubicación: Museo Frida Kahlo');
  expect(history).not.toContain('Ninguna todavía');

  const board = await (await client.get('/supervisor/board')).text();
  expect(board).toContain('Ubicación: Museo Frida Kahlo');
});
