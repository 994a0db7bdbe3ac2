/** GET /reports: figures, previous period, SVG charts, sortable tables, help, agents' own view, refused ranges. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createSession } from '../../src/core/auth';
import type { PublicUser } from '../../src/core/types';
import { REPORT_RANGE, seedReportHistory } from '../helpers/report-fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { TestClient } from '../helpers/test-client';

let t: TestApp;
let supervisor: TestClient;
let ana: PublicUser;
const clientOf = (user: PublicUser) => {
  const { token, session } = createSession(t.app.core, user.id);
  return new TestClient((path, init) => t.request(path, init), { turno_session: token }, session.csrfToken);
};
const EN = { 'accept-language': 'en' };
const query = new URLSearchParams({ ...REPORT_RANGE, compare: '1' });

beforeAll(async () => {
  t = await createTestApp();
  const seeded = await seedReportHistory(t.app.core, t.clock);
  ana = seeded.ana;
  supervisor = clientOf(seeded.supervisor);
});
afterAll(async () => t.close());

test('the page shows the figures, the previous period, accessible SVG charts and the formulas', async () => {
  const res = await supervisor.get(`/reports?${query}`, EN);
  expect(res.status).toBe(200);
  const page = await res.text();
  expect(page).toMatch(/data-kpi="first_response">[\s\S]*?<strong class="kpi-value">5 min<\/strong>[\s\S]*?p90 20 min/);
  expect(page).toMatch(/data-kpi="opened">[\s\S]*?<strong class="kpi-value">2<\/strong>[\s\S]*?before: 2 <b>±0 %<\/b>/);
  // The previous period (8–9 March) holds conversation D and the start of A.
  expect(page).toContain('compared with 2026-03-08 to 2026-03-09');
  expect(page).toMatch(/<svg viewBox="[^"]+" role="img" aria-labelledby="chart-volume-title chart-volume-desc"/);
  expect(page).toContain('<title>03-10 · Resolved: 3</title>');
  expect(page).toContain('<title>Tue 10:00 — 2 messages</title>');
  expect(page).toContain('<title>First response · Breached: 1</title>');
  expect(page).toContain('From the customer&#39;s first message');
  expect(page).toContain(`href="/api/v1/reports/agents?from=2026-03-10&amp;to=2026-03-11&amp;compare=1&amp;format=csv"`);
});

test('a column header sorts its table and says so with aria-sort', async () => {
  const page = await (await supervisor.get(`/reports?${query}&sort=agents.replies&dir=desc`, EN)).text();
  const agents = page.slice(page.indexOf('data-table="agents"'), page.indexOf('data-table="teams"'));
  expect(agents).toContain('aria-sort="descending"');
  expect(agents.indexOf('>Bob<')).toBeLessThan(agents.indexOf('>Ana<'));
  const asc = await (await supervisor.get(`/reports?${query}&sort=agents.replies&dir=asc`)).text();
  const ascAgents = asc.slice(asc.indexOf('data-table="agents"'), asc.indexOf('data-table="teams"'));
  expect(ascAgents.indexOf('>Ana<')).toBeLessThan(ascAgents.indexOf('>Bob<'));
});

test('an agent sees only their own conversations and no agent filter', async () => {
  const page = await (await clientOf(ana).get(`/reports?${query}`, EN)).text();
  expect(page).toMatch(/data-kpi="opened">[\s\S]*?<strong class="kpi-value">1<\/strong>/);
  expect(page).not.toContain('name="agentId"');
  expect(page).not.toContain('>Bob<');
});

test('a reversed range is explained on the page in the user language', async () => {
  const res = await supervisor.get('/reports?from=2026-03-11&to=2026-03-10', { 'accept-language': 'es' });
  expect(res.status).toBe(422);
  expect(await res.text()).toContain('role="alert">El final del periodo debe ser posterior a su inicio<');
});
