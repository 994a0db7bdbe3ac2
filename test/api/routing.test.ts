import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { claimConversation } from '../../src/core/assignment';
import { getConversationOrThrow, listConversationEvents } from '../../src/core/conversations';
import { sendMessage } from '../../src/core/messages';
import { DomainError } from '../../src/core/errors';
import { addTeamMember, createTeam } from '../../src/core/teams';
import { users } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerWrites, makeChannel } from '../helpers/routing-fixtures';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function chat(phone = '1') {
  const c = customerWrites(t.app.core, makeChannel(t.app.core), phone, 'hola').conversation!;
  await t.app.core.bus.drain();
  return c;
}

describe('POST /api/v1/conversations/:id/claim', () => {
  test('first claim wins, the second gets 409 naming the owner', async () => {
    const ana = await t.signIn('agent', { name: 'Ana' });
    const bea = await t.signIn('agent', { name: 'Bea' });
    const c = await chat();
    const first = await ana.client.json('POST', `/api/v1/conversations/${c.id}/claim`, {});
    expect(first.status).toBe(200);
    expect((await first.json()).assigneeId).toBe(ana.user.id);
    const second = await bea.client.json('POST', `/api/v1/conversations/${c.id}/claim`, {});
    expect(second.status).toBe(409);
    expect((await second.json()).error.message).toBe('Already taken by Ana');
    expect(t.eventNames().filter((n) => n === 'conversation.assigned')).toHaveLength(1);
  });

  test('many concurrent claims over HTTP and direct calls: exactly one owner', async () => {
    const agents = await Promise.all(Array.from({ length: 12 }, (_, i) => t.signIn('agent', { name: `Agent ${i}` })));
    const c = await chat();
    const http = agents.slice(0, 8).map((a) => a.client.json('POST', `/api/v1/conversations/${c.id}/claim`, {}).then((r) => r.status));
    const direct = agents.slice(8).map((a) => Promise.resolve().then(() => {
      try {
        claimConversation(t.app.core, c.id, { type: 'user', user: a.user });
        return 200;
      } catch (error) {
        return error instanceof DomainError && error.code === 'conflict' ? 409 : 500;
      }
    }));
    const statuses = await Promise.all([...http, ...direct]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const owner = getConversationOrThrow(t.app.core, c.id).assigneeId;
    expect(agents.map((a) => a.user.id)).toContain(owner!);
    expect(listConversationEvents(t.app.core, c.id).filter((e) => e.kind === 'assigned' && e.details.mode === 'claim')).toHaveLength(1);
  });
});

describe('POST /api/v1/conversations/:id/assign', () => {
  test('supervisor assigns anyone; null unassigns; timeline and events record it', async () => {
    const sup = await t.signIn('supervisor');
    const ana = await t.signIn('agent', { name: 'Ana' });
    const c = await chat();
    const r = await sup.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: ana.user.id });
    expect(r.status).toBe(200);
    expect((await r.json()).assigneeId).toBe(ana.user.id);
    const un = await sup.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: null });
    expect((await un.json()).assigneeId).toBeNull();
    const detail = await (await sup.client.get(`/api/v1/conversations/${c.id}`)).json();
    expect(detail.timeline.filter((e: { kind: string }) => e.kind === 'assigned').map((e: { details: { assigneeId: string | null } }) => e.details.assigneeId)).toEqual([ana.user.id, null]);
  });

  test('agent rules: self yes, others’ conversations no, transfer only within own teams', async () => {
    const ana = await t.signIn('agent', { name: 'Ana' });
    const bea = await t.signIn('agent', { name: 'Bea' });
    const outsider = await t.signIn('agent', { name: 'Out' });
    const team = createTeam(t.app.core, { name: 'Support' }, null);
    addTeamMember(t.app.core, team.id, ana.user.id, null);
    addTeamMember(t.app.core, team.id, bea.user.id, null);
    const c = await chat();
    expect((await ana.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: bea.user.id })).status).toBe(403);
    expect((await ana.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: ana.user.id })).status).toBe(200);
    expect((await bea.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: bea.user.id })).status).toBe(403);
    expect((await ana.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: outsider.user.id })).status).toBe(403);
    const transfer = await ana.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: bea.user.id });
    expect(transfer.status).toBe(200);
    expect(listConversationEvents(t.app.core, c.id).at(-1)!.details).toMatchObject({ mode: 'transfer', assigneeName: 'Bea' });
  });

  test('an empty body is a validation error', async () => {
    const sup = await t.signIn('supervisor');
    const c = await chat();
    expect((await sup.client.json('POST', `/api/v1/conversations/${c.id}/assign`, {})).status).toBe(422);
  });
});

describe('POST /api/v1/conversations/:id/status', () => {
  test('resolve, snooze needs a future time, other agents are refused', async () => {
    const ana = await t.signIn('agent', { name: 'Ana' });
    const bea = await t.signIn('agent', { name: 'Bea' });
    const c = await chat();
    await ana.client.json('POST', `/api/v1/conversations/${c.id}/claim`, {});
    expect((await bea.client.json('POST', `/api/v1/conversations/${c.id}/status`, { status: 'resolved' })).status).toBe(403);
    const bad = await ana.client.json('POST', `/api/v1/conversations/${c.id}/status`, { status: 'snoozed' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.details.field).toBe('snoozeUntil');
    const ok = await ana.client.json('POST', `/api/v1/conversations/${c.id}/status`, { status: 'snoozed', snoozeUntilReply: true });
    expect((await ok.json()).status).toBe('snoozed');
    const resolved = await ana.client.json('POST', `/api/v1/conversations/${c.id}/status`, { status: 'resolved' });
    expect((await resolved.json()).status).toBe('resolved');
    expect(t.eventNames()).toContain('conversation.updated');
  });
});

describe('PUT /api/v1/agents/:id/availability', () => {
  test('agents set their own; supervisors anyone; null returns to automatic', async () => {
    const ana = await t.signIn('agent');
    const bea = await t.signIn('agent');
    const sup = await t.signIn('supervisor');
    expect((await ana.client.json('PUT', `/api/v1/agents/${bea.user.id}/availability`, { availability: 'online' })).status).toBe(403);
    expect(await (await ana.client.json('PUT', `/api/v1/agents/${ana.user.id}/availability`, { availability: 'away' })).json()).toEqual({ availability: 'away', manual: 'away' });
    expect((await sup.client.json('PUT', `/api/v1/agents/${bea.user.id}/availability`, { availability: 'online' })).status).toBe(200);
    await t.app.core.bus.drain();
    expect(t.events.filter((e) => e.name === 'user.presence').map((e) => e.payload.availability)).toEqual(['away', 'online']);
    await ana.client.json('PUT', `/api/v1/agents/${ana.user.id}/availability`, { availability: null });
    expect(t.app.core.db.select().from(users).where(eq(users.id, ana.user.id)).get()!.availabilityManual).toBeNull();
  });
});

describe('only the assignee can reply', () => {
  test('others get 403 with a clear message; take-over is audited and then they can reply', async () => {
    const ana = await t.signIn('agent', { name: 'Ana' });
    const bea = await t.signIn('agent', { name: 'Bea' });
    const team = createTeam(t.app.core, { name: 'VIP', onlyAssigneeCanReply: true }, null);
    addTeamMember(t.app.core, team.id, bea.user.id, null);
    const c = await chat();
    const sup = await t.signIn('supervisor');
    await sup.client.json('POST', `/api/v1/conversations/${c.id}/assign`, { assigneeId: ana.user.id, teamId: team.id });
    const refused = await bea.client.json('POST', `/api/v1/conversations/${c.id}/messages`, { content: 'Hola' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe('In VIP only the assigned agent can reply, and this conversation is assigned to Ana. Take it over to reply.');
    expect((await bea.client.json('POST', `/api/v1/conversations/${c.id}/messages`, { content: 'nota', private: true })).status).toBe(201);
    expect((await bea.client.json('POST', `/api/v1/conversations/${c.id}/take-over`, {})).status).toBe(200);
    expect(sendMessage(t.app.core, c.id, { type: 'user', user: bea.user }, { content: 'Hola, soy Bea' }).content).toBe('Hola, soy Bea');
    expect(t.events.some((e) => e.name === 'audit.logged' && e.payload.action === 'conversation.take_over')).toBe(true);
  });
});
