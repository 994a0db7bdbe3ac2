/**
 * Replying takes the conversation: an agent's reply to an unassigned conversation makes them its
 * assignee (timeline "replied while nobody had it", `conversation.assigned` with mode `reply`), live
 * for the other agents' lists. Notes do not; an assigned conversation keeps its assignee; a team can
 * turn the rule off; in a team where only the assignee may reply, the first reply is allowed and takes it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { getConversationOrThrow } from '../../src/core/conversations';
import { addTeamMember, createTeam, getTeamOrThrow, updateTeam } from '../../src/core/teams';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

const assigneeOf = (id: string) => getConversationOrThrow(t.app.core, id).assigneeId;
const assignedEvents = (id: string) => t.events.filter((e) => e.name === 'conversation.assigned' && e.payload.conversation.id === id);

describe('replying to an unassigned conversation', () => {
  test('assigns it to the agent who replied, with a timeline line, live in another agent\'s list', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Responde' });
    const bob = await t.signIn('agent', { name: 'Bob Mira' });
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'hola, ¿hay stock?', { from: '5491100002001' }).conversation!.id;
    const tab = new WsTab(port, bob.client.cookies.turno_session!);
    await tab.open();
    await eventually(() => t.app.deps.realtime.hub.tabsOf(bob.user.id).length === 1);

    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: 'Sí, ¿qué talla?', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBe(ana.user.id);
    await t.app.core.bus.drain();
    const [event] = assignedEvents(id);
    expect(event?.payload.reason).toEqual({ mode: 'reply' });
    expect(event?.payload.previousAssigneeId).toBeNull();
    await tab.waitFor((f) => f.includes(`id="conv-${id}"`) && f.includes(`data-assignee="${ana.user.id}"`));
    tab.close();

    const page = await (await ana.client.get(`/inbox/c/${id}`)).text();
    expect(page).toContain('Ana Responde respondió cuando nadie la tenía.');
    // Bob's reply afterwards does not take it from Ana.
    expect((await bob.client.form(`/inbox/c/${id}/messages`, { content: 'Hola, soy Bob', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBe(ana.user.id);
  });

  test('a private note does not assign; the conversation stays in the Unassigned queue', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Nota' });
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'consulta', { from: '5491100002002' }).conversation!.id;
    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: 'revisar mañana', private: 'true' })).status).toBe(200);
    expect(assigneeOf(id)).toBeNull();
  });

  test('a conversation assigned to someone else keeps its assignee when a supervisor replies', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Dueña' });
    const boss = await t.signIn('supervisor', { name: 'Sara Super' });
    const { channelId } = makeChannel(t);
    const id = customerSays(t, channelId, 'consulta', { from: '5491100002003' }).conversation!.id;
    assignConversation(t.app.core, id, { assigneeId: ana.user.id }, null);
    expect((await boss.client.form(`/inbox/c/${id}/messages`, { content: 'Te ayudo yo', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBe(ana.user.id);
  });

  test('a team that turned the rule off keeps the conversation unassigned; the admin form saves the setting', async () => {
    const admin = await t.signIn('admin');
    const ana = await t.signIn('agent', { name: 'Ana Equipo' });
    const { channelId, teamId } = makeChannel(t, { teamOnly: true, members: [ana.user.id] });
    const team = getTeamOrThrow(t.app.core, teamId!).name;
    expect((await admin.client.form(`/admin/teams/${teamId}`, { name: team, assignmentMode: 'manual' })).status).toBe(303);
    const id = customerSays(t, channelId, 'consulta', { from: '5491100002004' }).conversation!.id;
    assignConversation(t.app.core, id, { teamId }, null);
    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: 'Hola', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBeNull();
    expect((await admin.client.form(`/admin/teams/${teamId}`, { name: team, assignmentMode: 'manual', assignOnReply: 'true' })).status).toBe(303);
    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: '¿Sigue ahí?', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBe(ana.user.id);
  });

  test('in a team where only the assignee may reply, a member\'s first reply is allowed and takes it', async () => {
    const ana = await t.signIn('agent', { name: 'Ana Solo' });
    const bob = await t.signIn('agent', { name: 'Bob Solo' });
    const { channelId } = makeChannel(t);
    const team = createTeam(t.app.core, { name: 'Solo asignado', onlyAssigneeCanReply: true }, null);
    for (const u of [ana, bob]) addTeamMember(t.app.core, team.id, u.user.id, null);
    const id = customerSays(t, channelId, 'consulta', { from: '5491100002005' }).conversation!.id;
    assignConversation(t.app.core, id, { teamId: team.id }, null);
    expect((await ana.client.form(`/inbox/c/${id}/messages`, { content: 'Hola', private: 'false' })).status).toBe(200);
    expect(assigneeOf(id)).toBe(ana.user.id);
    expect((await bob.client.form(`/inbox/c/${id}/messages`, { content: 'Hola', private: 'false' })).status).toBe(403);
    updateTeam(t.app.core, team.id, { assignOnReply: false }, null);
    const other = customerSays(t, channelId, 'otra', { from: '5491100002006' }).conversation!.id;
    assignConversation(t.app.core, other, { teamId: team.id }, null);
    expect((await ana.client.form(`/inbox/c/${other}/messages`, { content: 'Hola', private: 'false' })).status).toBe(403);
  });
});
