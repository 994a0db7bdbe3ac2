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

describe('snooze times from the inbox are absolute instants', () => {
  test('an ISO time with an offset is honoured exactly; a zone-less or past time is refused', async () => {
    const a = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola').conversation!.id;
    const noZone = new Date(t.clock.now() + HOUR).toISOString().slice(0, 16); // what <input type=datetime-local> gives
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'snoozed', until: noZone })).status).toBe(422);
    const past = new Date(t.clock.now() - HOUR).toISOString();
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'snoozed', until: past })).status).toBe(422);
    expect(conversationOf(id).status).toBe('open');

    // 10:00 in Buenos Aires (-03:00) is 13:00 UTC whatever the server's zone
    const at = new Date(t.clock.now() + 48 * HOUR);
    const day = at.toISOString().slice(0, 10);
    expect((await a.client.form(`/inbox/c/${id}/status`, { status: 'snoozed', until: `${day}T10:00:00-03:00` })).status).toBe(204);
    expect(conversationOf(id).snoozeUntil).toBe(Date.parse(`${day}T13:00:00Z`));
  });
});

describe('thread pages', () => {
  test('"older" with a message id from another conversation is a 400, not a silent first page', async () => {
    const a = await t.signIn('supervisor');
    const { channelId } = makeChannel(t);
    const mine = customerSays(t, channelId, 'hola', { from: '5491100000301' });
    const other = customerSays(t, channelId, 'otra', { from: '5491100000302' });
    expect((await a.client.get(`/inbox/c/${mine.conversation!.id}/older?before=${mine.message!.id}`)).status).toBe(200);
    expect((await a.client.get(`/inbox/c/${mine.conversation!.id}/older?before=${other.message!.id}`)).status).toBe(400);
  });
});

describe('mentions', () => {
  test('@mentioning someone who cannot see the conversation records and notifies nothing', async () => {
    const ana = await t.signIn('agent', { name: 'Amparo Ruiz' });
    const outsider = await t.signIn('agent', { name: 'Olga Paz' });
    const colleague = await t.signIn('agent', { name: 'Clara Sol' });
    const { channelId } = makeChannel(t, { teamOnly: true, members: [ana.user.id, colleague.user.id] });
    const id = customerSays(t, channelId, 'hola', { from: '5491100000401' }).conversation!.id;
    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: 'ojo @Olga y @Clara', private: 'true' })).status).toBe(200);
    await t.app.core.bus.drain();
    const notified = t.events.filter((e) => e.name === 'mention.created' && e.payload.conversationId === id).map((e) => e.payload.userId);
    expect(notified).toEqual([colleague.user.id]);
  });
});
