/**
 * GET /api/v1/reports/…: figures computed from real timelines written through core (fake clock),
 * range edges, agents limited to their own conversations, validation, and CSV equal to the JSON.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { assignConversation } from '../../src/core/assignment';
import { createApiToken } from '../../src/core/auth';
import { sendMessage } from '../../src/core/messages';
import { setConversationStatus } from '../../src/core/routing/lifecycle';
import { saveSlaPolicy } from '../../src/core/routing/sla';
import type { PublicUser } from '../../src/core/types';
import { customerWrites, makeAgent, makeChannel } from '../helpers/routing-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let supervisorToken: string;
let agentToken: string;
let ana: PublicUser;
let bob: PublicUser;
const MIN = 60_000;
const RANGE = 'from=2026-03-10&to=2026-03-11';
const get = (path: string, token = supervisorToken) => t.request(path, { headers: { authorization: `Bearer ${token}` } });

/** A customer writes at `at`; returns the conversation id. */
function customerAt(channelId: string, phone: string, at: number): string {
  t.clock.set(at);
  return customerWrites(t.app.core, channelId, phone, 'hola').conversation!.id;
}
function agentAt(conversationId: string, user: PublicUser, at: number) {
  t.clock.set(at);
  sendMessage(t.app.core, conversationId, { type: 'user', user }, { content: 'buenas' });
}
function statusAt(conversationId: string, status: 'resolved' | 'open', at: number) {
  t.clock.set(at);
  setConversationStatus(t.app.core, conversationId, { status }, null);
}

beforeAll(async () => {
  t = await createTestApp();
  const core = t.app.core;
  const supervisor = await makeAgent(core, 'Sofía', { role: 'supervisor' });
  ana = await makeAgent(core, 'Ana');
  bob = await makeAgent(core, 'Bob');
  supervisorToken = createApiToken(core, supervisor.id, 'ci', null).token;
  agentToken = createApiToken(core, ana.id, 'ci', null).token;
  saveSlaPolicy(core, { name: 'Default', firstResponseMinutes: 10 }, null);
  const channel = makeChannel(core);
  // A: started before the range, answered (20 min) and resolved (70 min) inside it.
  const a = customerAt(channel, '5731000001', Date.UTC(2026, 2, 9, 23, 50));
  assignConversation(core, a, { assigneeId: ana.id }, null);
  agentAt(a, ana, Date.UTC(2026, 2, 10, 0, 10));
  statusAt(a, 'resolved', Date.UTC(2026, 2, 10, 1, 0));
  // B: first response 5 min, a reply after 10 min, resolved after 2 h, reopened and resolved again.
  const b = customerAt(channel, '5731000002', Date.UTC(2026, 2, 10, 10, 0));
  assignConversation(core, b, { assigneeId: bob.id }, null);
  agentAt(b, bob, Date.UTC(2026, 2, 10, 10, 5));
  customerAt(channel, '5731000002', Date.UTC(2026, 2, 10, 10, 30));
  agentAt(b, bob, Date.UTC(2026, 2, 10, 10, 40));
  statusAt(b, 'resolved', Date.UTC(2026, 2, 10, 12, 0));
  statusAt(b, 'open', Date.UTC(2026, 2, 10, 13, 0));
  statusAt(b, 'resolved', Date.UTC(2026, 2, 10, 13, 30));
  // C: opened on the last day, answered only after the range ends.
  const c = customerAt(channel, '5731000003', Date.UTC(2026, 2, 11, 23, 0));
  assignConversation(core, c, { assigneeId: ana.id }, null);
  agentAt(c, ana, Date.UTC(2026, 2, 12, 0, 30));
  // D: entirely before the range.
  const d = customerAt(channel, '5731000004', Date.UTC(2026, 2, 8, 9, 0));
  agentAt(d, bob, Date.UTC(2026, 2, 8, 9, 1));
});
afterAll(async () => t.close());

describe('GET /api/v1/reports/summary', () => {
  test('counts what happened inside the range, attributing each time to when it completed', async () => {
    const res = await get(`/api/v1/reports/summary?${RANGE}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.conversations).toEqual({ opened: 2, resolved: 3, reopened: 1 });
    expect(body.firstResponseTime).toMatchObject({ median: 5 * 60, p90: 20 * 60, count: 2 });
    expect(body.replyTime).toMatchObject({ median: 10 * 60, count: 1 });
    expect(body.resolutionTime).toMatchObject({ median: 70 * 60, p90: 120 * 60, count: 2 });
    expect(body.reopenResolutionTime).toMatchObject({ median: 30 * 60, count: 1 });
    // No business hours configured: the business-hours variant equals wall-clock time.
    expect(body.firstResponseTime.businessHours).toEqual({ median: 5 * 60, p90: 20 * 60 });
    expect(body.messages).toEqual({ in: 3, out: 3 });
    expect(body.sla).toEqual([{ metric: 'first_response', met: 1, breached: 1 }]);
    expect(body.csat).toEqual({ responses: 0, average: null, satisfiedPercent: null });
  });

  test('an agent gets only the conversations assigned to them', async () => {
    const body = await (await get(`/api/v1/reports/summary?${RANGE}`, agentToken)).json();
    expect(body.conversations).toEqual({ opened: 1, resolved: 1, reopened: 0 });
    expect(body.firstResponseTime).toMatchObject({ median: 20 * 60, count: 1 });
  });

  test('a reversed range or a bad date is refused naming the field', async () => {
    const reversed = await get('/api/v1/reports/summary?from=2026-03-11&to=2026-03-10');
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).error).toMatchObject({ field: 'to' });
    const bad = await get('/api/v1/reports/summary?from=yesterday&to=2026-03-10');
    expect(bad.status).toBe(422);
  });
});

describe('report tables and CSV', () => {
  test('agents table: conversations, replies, resolutions and median first response per agent', async () => {
    const { items } = await (await get(`/api/v1/reports/agents?${RANGE}`)).json();
    expect(items).toEqual([
      { id: ana.id, name: 'Ana', conversations: 1, replies: 1, resolved: 1, firstResponseMedian: 1200, csatAverage: null },
      { id: bob.id, name: 'Bob', conversations: 1, replies: 2, resolved: 2, firstResponseMedian: 300, csatAverage: null },
    ]);
  });

  test('daily series and heat map of incoming messages in the report time zone', async () => {
    const { items: daily } = await (await get(`/api/v1/reports/daily?${RANGE}`)).json();
    expect(daily).toEqual([{ date: '2026-03-10', opened: 1, resolved: 3, messagesIn: 2 }, { date: '2026-03-11', opened: 1, resolved: 0, messagesIn: 1 }]);
    const { items: cells } = await (await get(`/api/v1/reports/heatmap?${RANGE}`)).json();
    expect(cells).toHaveLength(7 * 24);
    // Tuesday 10 March 10:00 and 10:30, Wednesday 11 March 23:00.
    expect(cells.filter((c: { messages: number }) => c.messages > 0)).toEqual([{ weekday: 2, hour: 10, messages: 2 }, { weekday: 3, hour: 23, messages: 1 }]);
  });

  test('?format=csv gives the same rows as the JSON, as UTF-8 CSV with a BOM', async () => {
    const res = await get(`/api/v1/reports/agents?${RANGE}&format=csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('turno-agents-2026-03-10-2026-03-11.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('id,name,conversations,replies,resolved,firstResponseMedian,csatAverage');
    expect(lines.slice(1)).toEqual([`${ana.id},Ana,1,1,1,1200,`, `${bob.id},Bob,1,2,2,300,`, '']);
    const summary = new TextDecoder().decode(new Uint8Array(await (await get(`/api/v1/reports/summary?${RANGE}&format=csv`)).arrayBuffer()));
    expect(summary).toContain('\r\nfirst_response_median_seconds,300\r\n');
    expect(summary).toContain('\r\nconversations_opened,2\r\n');
  });
});
