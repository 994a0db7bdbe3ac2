/** Inbox status and assignment routes: the same lifecycle and permission rules as the JSON API. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { conversationEvents, conversations } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const HOUR = 3600_000;
const conversationOf = (id: string) => t.app.core.db.select().from(conversations).where(eq(conversations.id, id)).get()!;

describe('status from the inbox goes through the routing lifecycle', () => {
  test('a snooze set from the inbox wakes up when its time comes', async () => {
    const a = await t.signIn('agent');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    const until = new Date(t.clock.now() + HOUR).toISOString();
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'snoozed', until })).status).toBe(204);
    expect(conversationOf(id).status).toBe('snoozed');
    t.clock.advance(2 * HOUR);
    await t.app.jobs.runDue();
    expect(conversationOf(id).status).toBe('open');
    const kinds = t.app.core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).all().map((e) => e.kind);
    expect(kinds.filter((k) => k === 'status')).toHaveLength(2);
  });

  test('resolving from the inbox clears waitingSince', async () => {
    const a = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    expect(conversationOf(id).waitingSince).not.toBeNull();
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'resolved' })).status).toBe(204);
    expect(conversationOf(id).waitingSince).toBeNull();
  });
});

describe('inbox assign and status routes apply the permission rules', () => {
  test("another agent cannot take, reassign or resolve an agent's conversation; a supervisor can", async () => {
    const ana = await t.signIn('agent', { name: 'Ana' });
    const bob = await t.signIn('agent', { name: 'Bob' });
    const boss = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    expect((await ana.client.form(`/inbox/c/${id}/assign`, { target: `user:${ana.user.id}` })).status).toBe(204);
    expect(conversationOf(id).assigneeId).toBe(ana.user.id);

    expect((await bob.client.form(`/inbox/c/${id}/assign`, { target: `user:${bob.user.id}` })).status).toBe(403);
    expect((await bob.client.form(`/inbox/c/${id}/assign`, { target: '' })).status).toBe(403);
    expect((await bob.client.form(`/inbox/c/${id}/status`, { status: 'resolved' })).status).toBe(403);
    expect(conversationOf(id)).toMatchObject({ assigneeId: ana.user.id, status: 'open' });

    expect((await boss.client.form(`/inbox/c/${id}/assign`, { target: `user:${bob.user.id}` })).status).toBe(204);
    expect(conversationOf(id).assigneeId).toBe(bob.user.id);
    expect((await boss.client.form(`/inbox/c/${id}/status`, { status: 'resolved' })).status).toBe(204);
    expect(conversationOf(id).status).toBe('resolved');
  });
});
