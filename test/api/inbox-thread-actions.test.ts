/**
 * Inbox thread and sidebar actions answer htmx requests with the updated markup (labels section,
 * status buttons), so the acting agent's screen changes without a reload.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { createLabel, labelsOfConversation, listLabels, updateLabel } from '../../src/core/labels';
import { conversationEvents, conversations, messages } from '../../src/db/schema';
import { mentionedConversationIds } from '../../src/core/message-actions';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const HX = { 'HX-Request': 'true' };
const conversationOf = (id: string) => t.app.core.db.select().from(conversations).where(eq(conversations.id, id)).get()!;
let phone = 5491100009000;
const newConversation = () => {
  const { channelId } = makeChannel(t);
  return customerSays(t, channelId, 'hola', { from: String(++phone) }).conversation!.id;
};

describe('labels from the sidebar', () => {
  test('adding a new label answers with the section showing the chip on and an empty input; removing turns it off', async () => {
    const a = await t.signIn('supervisor');
    const id = newConversation();
    const added = await a.client.form(`/inbox/c/${id}/labels`, { name: 'VIP' }, HX);
    expect(added.status).toBe(200);
    const body = await added.text();
    expect(body).toContain(`id="contact-labels-${id}"`);
    expect(body).toMatch(/aria-pressed="true"[^>]*><svg class="icon icon-check"[^]*?<\/svg>VIP<\/button>/);
    expect(body).toMatch(/<input name="name"[^>]*required>/);
    expect(body).not.toContain('value="VIP"');
    const vip = labelsOfConversation(t.app.core, id);
    expect(vip.map((l) => l.name)).toEqual(['VIP']);

    const removed = await a.client.form(`/inbox/c/${id}/labels`, { labelId: vip[0]!.id, on: 'false' }, HX);
    expect(removed.status).toBe(200);
    expect(await removed.text()).toMatch(/aria-pressed="false"[^>]*>\+ VIP<\/button>/);
    expect(labelsOfConversation(t.app.core, id)).toEqual([]);
  });

  test('"vip" typed later is the same label as "VIP" (no near-duplicate labels), and renaming onto it is refused', async () => {
    const a = await t.signIn('supervisor');
    const id = newConversation();
    await a.client.form(`/inbox/c/${id}/labels`, { name: 'Urgente' }, HX);
    await a.client.form(`/inbox/c/${id}/labels`, { name: 'urgente' }, HX);
    expect(listLabels(t.app.core).filter((l) => l.name.toLowerCase() === 'urgente').map((l) => l.name)).toEqual(['Urgente']);
    const other = createLabel(t.app.core, { name: 'Mayorista' }, { type: 'user', user: a.user });
    expect(() => updateLabel(t.app.core, other.id, { name: 'URGENTE' }, { type: 'user', user: a.user })).toThrow('Another label already has this name');
  });

  test('without htmx the route still answers 204', async () => {
    const a = await t.signIn('supervisor');
    const id = newConversation();
    expect((await a.client.form(`/inbox/c/${id}/labels`, { name: 'Mayorista' })).status).toBe(204);
    expect(labelsOfConversation(t.app.core, id).map((l) => l.name)).toEqual(['Mayorista']);
    expect(conversationOf(id).status).toBe('open');
  });
});

describe('status buttons follow the status', () => {
  const buttons = (body: string) => [...body.matchAll(/hx-vals='\{"status":"(\w+)"\}'/g)].map((m) => m[1]);

  test('resolve answers with Reopen only; reopening goes back to Resolve / Pending / Snooze, with timeline entries', async () => {
    const a = await t.signIn('supervisor');
    const id = newConversation();
    const page = await (await a.client.get(`/inbox/c/${id}`)).text();
    expect(buttons(page)).toEqual(['resolved', 'pending']);
    expect(page).toContain('class="snooze"');

    const resolved = await a.client.form(`/inbox/c/${id}/status`, { status: 'resolved' }, HX);
    expect(resolved.status).toBe(200);
    const body = await resolved.text();
    expect(buttons(body)).toEqual(['open']);
    expect(body).toContain('>Reabrir</button>');
    expect(body).not.toContain('class="snooze"');
    expect(body).toMatch(new RegExp(`id="thread-status-${id}" hx-swap-oob="true">Resuelta`));
    expect(buttons(await (await a.client.get(`/inbox/c/${id}`)).text())).toEqual(['open']);

    const reopened = await a.client.form(`/inbox/c/${id}/status`, { status: 'open' }, HX);
    expect(buttons(await reopened.text())).toEqual(['resolved', 'pending']);
    expect(conversationOf(id)).toMatchObject({ status: 'open', resolvedAt: null });
    const events = t.app.core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).all()
      .filter((e) => e.kind === 'status').map((e) => e.details as { from: string; to: string });
    expect(events.map((e) => `${e.from}>${e.to}`)).toEqual(['open>resolved', 'resolved>open']);
  });

  test('a snoozed conversation offers Reopen and Resolve; an agent cannot reopen a colleague\'s conversation', async () => {
    const owner = await t.signIn('agent', { name: 'Olivia' });
    const other = await t.signIn('agent', { name: 'Omar' });
    const id = newConversation();
    expect((await owner.client.form(`/inbox/c/${id}/assign`, { target: `user:${owner.user.id}` })).status).toBe(204);
    const snoozed = await owner.client.form(`/inbox/c/${id}/status`, { status: 'snoozed', untilReply: 'true' }, HX);
    expect(buttons(await snoozed.text())).toEqual(['open', 'resolved']);
    expect((await other.client.form(`/inbox/c/${id}/status`, { status: 'open' }, HX)).status).toBe(403);
    expect(conversationOf(id).status).toBe('snoozed');
    expect((await owner.client.form(`/inbox/c/${id}/status`, { status: 'open' }, HX)).status).toBe(200);
    expect(conversationOf(id)).toMatchObject({ status: 'open', snoozeUntilReply: false });
  });
});

describe('assign / transfer with a handover note', () => {
  const notesOf = (id: string) => t.app.core.db.select().from(messages).where(eq(messages.conversationId, id)).all().filter((m) => m.isPrivate);

  test('the note becomes a private note that @mentions the new assignee, who is notified; the form comes back closed', async () => {
    const boss = await t.signIn('supervisor', { name: 'Sara Jefa' });
    const bruno = await t.signIn('agent', { name: 'Bruno Paz' });
    const id = newConversation();
    const res = await boss.client.form(`/inbox/c/${id}/assign`, { target: `user:${bruno.user.id}`, note: '  Quiere cambiar el pedido 123, llamalo mañana  ' }, HX);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`id="transfer-${id}"`);
    expect(body).toContain('Asignada a Bruno Paz');
    expect(body).not.toMatch(/<details[^>]* open/);
    expect(conversationOf(id).assigneeId).toBe(bruno.user.id);
    expect(notesOf(id).map((m) => m.content)).toEqual(['@Bruno Paz Quiere cambiar el pedido 123, llamalo mañana']);
    await t.app.core.bus.drain();
    expect(mentionedConversationIds(t.app.core, bruno.user.id)).toEqual([id]);
    const assigned = t.app.core.db.select().from(conversationEvents).where(eq(conversationEvents.conversationId, id)).all().find((e) => e.kind === 'assigned')!;
    expect((assigned.details as { note?: string }).note).toBe('Quiere cambiar el pedido 123, llamalo mañana');
    const thread = await (await boss.client.get(`/inbox/c/${id}`)).text();
    expect(thread).toContain('@Bruno Paz Quiere cambiar el pedido 123');
  });

  test('to a team, or without a note, no private note is added', async () => {
    const boss = await t.signIn('supervisor');
    const { channelId, teamId } = makeChannel(t, { teamOnly: true });
    const id = customerSays(t, channelId, 'hola', { from: String(++phone) }).conversation!.id;
    expect((await boss.client.form(`/inbox/c/${id}/assign`, { target: `team:${teamId}`, note: 'para ventas' }, HX)).status).toBe(200);
    expect(notesOf(id).map((m) => m.content)).toEqual(['para ventas']);
    expect(conversationOf(id)).toMatchObject({ teamId, assigneeId: null });
    expect((await boss.client.form(`/inbox/c/${id}/assign`, { target: '', note: '   ' }, HX)).status).toBe(200);
    expect(notesOf(id)).toHaveLength(1);
  });

  test('a refused transfer answers with the reason in the form\'s alert box and adds no note', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Uno' });
    const bob = await t.signIn('agent', { name: 'Bob Dos' });
    const id = newConversation();
    expect((await ana.client.form(`/inbox/c/${id}/assign`, { target: `user:${ana.user.id}` })).status).toBe(204);
    const res = await bob.client.form(`/inbox/c/${id}/assign`, { target: `user:${bob.user.id}`, note: 'me lo quedo' }, HX);
    expect(res.status).toBe(403);
    expect(res.headers.get('HX-Retarget')).toBe(`#transfer-error-${id}`);
    expect(await res.text()).toContain('notice');
    expect(conversationOf(id).assigneeId).toBe(ana.user.id);
    expect(notesOf(id)).toEqual([]);
    expect((await bob.client.form(`/inbox/c/${id}/assign`, { target: `user:${bob.user.id}`, note: 'x'.repeat(501) }, HX)).status).toBe(422);
  });
});
