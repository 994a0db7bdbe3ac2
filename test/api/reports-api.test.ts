/**
 * GET /api/v1/reports/…: figures computed from real timelines written through core (fake clock),
 * range edges, agents limited to their own conversations, validation, and CSV equal to the JSON.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createApiToken } from '../../src/core/auth';
import { addConversationEvent } from '../../src/core/conversations';
import { createLabel, setConversationLabel } from '../../src/core/labels';
import type { PublicUser } from '../../src/core/types';
import { seedReportHistory } from '../helpers/report-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let supervisorToken: string;
let agentToken: string;
let ana: PublicUser;
let bob: PublicUser;
const RANGE = 'from=2026-03-10&to=2026-03-11';
const get = (path: string, token = supervisorToken) => t.request(path, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedReportHistory(t.app.core, t.clock);
  ({ ana, bob } = seeded);
  supervisorToken = createApiToken(t.app.core, seeded.supervisor.id, 'ci', null).token;
  agentToken = createApiToken(t.app.core, ana.id, 'ci', null).token;
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

  test('filters narrow by label, channel and agent', async () => {
    const core = t.app.core;
    const label = createLabel(core, { name: 'vip' }, { type: 'system', name: 'test' });
    const b = core.db.$client.query<{ id: string }, []>("SELECT c.id FROM conversations c JOIN contact_identities i ON i.contact_id = c.contact_id WHERE i.raw_id = '5731000002'").get()!;
    setConversationLabel(core, b.id, label.id, true, { type: 'system', name: 'test' });
    const byLabel = await (await get(`/api/v1/reports/summary?${RANGE}&labelId=${label.id}`)).json();
    expect(byLabel.conversations).toEqual({ opened: 1, resolved: 2, reopened: 1 });
    const otherChannel = await (await get(`/api/v1/reports/summary?${RANGE}&channelId=nope`)).json();
    expect(otherChannel.conversations).toEqual({ opened: 0, resolved: 0, reopened: 0 });
    const byAgent = await (await get(`/api/v1/reports/summary?${RANGE}&agentId=${bob.id}`)).json();
    expect(byAgent.firstResponseTime).toMatchObject({ median: 300, count: 1 });
    // The first intent the classifier recorded puts B in the "billing" row and under the intent filter.
    addConversationEvent(core, b.id, 'ai.classified', null, { intent: 'billing', confidence: 0.9 });
    const { items } = await (await get(`/api/v1/reports/intents?${RANGE}`)).json();
    expect(items.map((r: { id: string; opened: number; resolved: number }) => [r.id, r.opened, r.resolved]).sort()).toEqual([['', 1, 1], ['billing', 1, 2]]);
    const byIntent = await (await get(`/api/v1/reports/summary?${RANGE}&intent=billing`)).json();
    expect(byIntent.conversations).toEqual({ opened: 1, resolved: 2, reopened: 1 });
  });

  test('a reversed range or a bad date is refused naming the field', async () => {
    const reversed = await get('/api/v1/reports/summary?from=2026-03-11&to=2026-03-10');
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).error).toMatchObject({ code: 'unprocessable', details: { field: 'to' } });
    const bad = await get('/api/v1/reports/summary?from=yesterday&to=2026-03-10');
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: 'validation', details: { field: 'from' } });
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
