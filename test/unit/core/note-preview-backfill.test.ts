/**
 * Migration 0013: a conversation whose list preview is still an old private note (from before
 * notes stopped replacing it) gets its last customer-facing message back; others are untouched.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { getConversationOrThrow } from '../../../src/core/conversations';
import { sendMessage } from '../../../src/core/messages';
import { conversations } from '../../../src/db/schema';
import { createTestApp, type TestApp } from '../../helpers/test-app';
import { customerSays, makeChannel } from '../../helpers/inbox-fixtures';

const MIGRATION = readFileSync(join(import.meta.dir, '../../../migrations/0013_note_previews_backfill.sql'), 'utf8');
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('old note previews are replaced by the last customer-facing message; up-to-date rows stay as they are', async () => {
  const { user } = await t.signIn('agent', { name: 'Ana' });
  const { channelId } = makeChannel(t);
  const stale = customerSays(t, channelId, 'Necesito una factura', { from: '5491100009901' }).conversation!;
  const customerAt = getConversationOrThrow(t.app.core, stale.id).lastMessageAt;
  t.clock.advance(60_000);
  const note = sendMessage(t.app.core, stale.id, { type: 'user', user }, { content: 'Revisar con contabilidad', private: true });
  // What the old code stored: the note as the list's last message.
  t.app.core.db.update(conversations).set({ lastMessageAt: note.sentAt, lastMessagePreview: 'Revisar con contabilidad', lastMessageType: 'text' })
    .where(eq(conversations.id, stale.id)).run();
  const fresh = customerSays(t, channelId, 'Hola', { from: '5491100009902' }).conversation!;
  const freshBefore = getConversationOrThrow(t.app.core, fresh.id);

  t.app.core.db.$client.run(MIGRATION);

  expect(getConversationOrThrow(t.app.core, stale.id)).toMatchObject({ lastMessageAt: customerAt, lastMessagePreview: 'Necesito una factura', lastMessageType: 'text' });
  expect(getConversationOrThrow(t.app.core, fresh.id)).toEqual(freshBefore);
});
