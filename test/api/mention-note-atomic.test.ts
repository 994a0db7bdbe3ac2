/**
 * A private note and the notifications of its @mentions are stored together: when the
 * notification cannot be stored the note is not either (nothing half-done, nothing announced),
 * and when it works the colleague's notification is in the database before any event goes out.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { and, eq } from 'drizzle-orm';
import { messages, notifications } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

let phone = 5491100029000;
const newConversation = () => customerSays(t, makeChannel(t).channelId, 'hola', { from: String(++phone) }).conversation!.id;
const notesOf = (id: string) => t.app.core.db.select().from(messages).where(and(eq(messages.conversationId, id), eq(messages.isPrivate, true))).all();
const eventsFor = (name: string, id: string) => t.events.filter((e) => {
  const payload = e.payload as { conversationId?: string; message?: { conversationId: string } };
  return e.name === name && (payload.conversationId ?? payload.message?.conversationId) === id;
});

describe('a note with an @mention', () => {
  test('when the mention notification cannot be stored, the note is not stored and no event goes out', async () => {
    const luis = await t.signIn('supervisor', { name: 'Luis Sup' });
    await t.signIn('agent', { name: 'Ana Pérez' });
    const id = newConversation();
    t.app.core.db.$client.exec(`CREATE TEMP TRIGGER refuse_notifications BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const res = await luis.client.form(`/inbox/c/${id}/messages`, { content: '@Ana mirá este caso', private: 'true' });
      expect(res.status).toBeGreaterThanOrEqual(400);
    } finally {
      t.app.core.db.$client.exec('DROP TRIGGER refuse_notifications');
    }
    await t.app.core.bus.drain();
    expect(notesOf(id)).toEqual([]);
    expect(eventsFor('message.created', id).filter((e) => (e.payload as { message: { isPrivate: boolean } }).message.isPrivate)).toEqual([]);
    expect(eventsFor('mention.created', id)).toEqual([]);
  });

  test('when it works, the note, the notification and the events all exist', async () => {
    const luis = await t.signIn('supervisor', { name: 'Luis Sup' });
    const ana = await t.signIn('agent', { name: 'Nora Gómez' });
    const id = newConversation();
    let storedWhenAnnounced = -1;
    const stop = t.app.core.bus.on('mention.created', ({ conversationId }) => {
      if (conversationId === id) storedWhenAnnounced = t.app.core.db.select().from(notifications).where(eq(notifications.userId, ana.user.id)).all().length;
    });
    expect((await luis.client.form(`/inbox/c/${id}/messages`, { content: '@Nora Gómez mirá este caso', private: 'true' })).status).toBe(200);
    await t.app.core.bus.drain();
    stop();
    expect(notesOf(id).map((m) => m.content)).toEqual(['@Nora Gómez mirá este caso']);
    expect(storedWhenAnnounced).toBe(1);
    expect(eventsFor('mention.created', id).map((e) => e.payload)).toEqual([expect.objectContaining({ userId: ana.user.id, authorName: 'Luis Sup' })]);
    expect(eventsFor('notifications.created', id)).toHaveLength(1);
  });
});
