/**
 * A transfer with a handover note is one change: when the note cannot be stored (too long once the
 * @mention is added, or the database refuses it) the conversation keeps its assignee, nothing is
 * announced, and the caller gets the error.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { transferAs } from '../../src/core/conversation-actions';
import { conversations, messages } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const HX = { 'HX-Request': 'true' };
let phone = 5491100019000;
const newConversation = () => customerSays(t, makeChannel(t).channelId, 'hola', { from: String(++phone) }).conversation!.id;
const assigneeOf = (id: string) => t.app.core.db.select().from(conversations).where(eq(conversations.id, id)).get()!.assigneeId;
const notesOf = (id: string) => t.app.core.db.select().from(messages).where(eq(messages.conversationId, id)).all().filter((m) => m.isPrivate);
const assignedEventsOf = (id: string) => t.events.filter((e) => e.name === 'conversation.assigned' && (e.payload as { conversation: { id: string } }).conversation.id === id);

describe('transfer with a note that cannot be stored', () => {
  test('a note over the message limit once the @mention is added leaves the assignment unchanged', async () => {
    const boss = await t.signIn('supervisor');
    const bruno = await t.signIn('agent', { name: 'Bruno Paz' });
    const id = newConversation();
    const actor = { type: 'user' as const, user: boss.user, ip: '127.0.0.1' };
    expect(() => transferAs(t.app.core, actor, id, { assigneeId: bruno.user.id }, 'x'.repeat(4096))).toThrow(/4096/);
    await t.app.core.bus.drain();
    expect(assigneeOf(id)).toBeNull();
    expect(notesOf(id)).toEqual([]);
    expect(assignedEventsOf(id)).toEqual([]);
  });

  test('when the database refuses the note, the inbox route fails and the conversation stays with its assignee', async () => {
    const boss = await t.signIn('supervisor');
    const ana = await t.signIn('agent', { name: 'Ana Uno' });
    const bruno = await t.signIn('agent', { name: 'Bruno Dos' });
    const id = newConversation();
    expect((await boss.client.form(`/inbox/c/${id}/assign`, { target: `user:${ana.user.id}` }, HX)).status).toBe(200);
    await t.app.core.bus.drain();
    const before = assignedEventsOf(id).length;
    t.app.core.db.$client.exec(`CREATE TEMP TRIGGER refuse_notes BEFORE INSERT ON messages WHEN NEW.is_private = 1 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const res = await boss.client.form(`/inbox/c/${id}/assign`, { target: `user:${bruno.user.id}`, note: 'llamalo mañana' }, HX);
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      t.app.core.db.$client.exec('DROP TRIGGER refuse_notes');
    }
    await t.app.core.bus.drain();
    expect(assigneeOf(id)).toBe(ana.user.id);
    expect(notesOf(id)).toEqual([]);
    expect(assignedEventsOf(id)).toHaveLength(before);
  });
});
