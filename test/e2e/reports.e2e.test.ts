/**
 * Browser: a supervisor opens /reports, changes the range with the form, sees the SVG charts,
 * downloads a table's CSV whose rows match the API, and the page fits a phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { REPORT_RANGE, seedReportHistory } from '../helpers/report-fixtures';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: reports page', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    await seedReportHistory(server.app.core, server.clock);
  });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('change the range, see the charts, download a CSV equal to the API rows', async () => {
    const { client } = await server.signIn('supervisor', { name: 'Sol' });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/reports?from=${REPORT_RANGE.from}&to=${REPORT_RANGE.to}`);
    expect(await page.textContent('[data-kpi="first_response"] .kpi-value')).toBe('5 min');
    expect(await page.textContent('[data-kpi="opened"] .kpi-value')).toBe('2');

    // Narrow the range to one day with the form.
    await page.fill('input[name=to]', '2026-03-10');
    await Promise.all([page.waitForURL(/to=2026-03-10/), page.click('form.report-filters button[type=submit]')]);
    expect(await page.textContent('[data-kpi="opened"] .kpi-value')).toBe('1');
    expect(await page.locator('[data-table="daily"] tbody tr').count()).toBe(1);

    // Charts: rendered SVG with names for assistive technology, bars with their figures.
    const charts = page.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBe(3);
    expect(await page.getAttribute('#chart-volume-title', 'id')).toBe('chart-volume-title');
    const bar = await page.locator('svg.bar-chart rect.series-b').first().boundingBox();
    expect(bar!.height).toBeGreaterThan(0);

    // CSV download of the agents table, compared with the API's JSON for the same query.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-agents a.csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
    const api = await (await page.request.get(`${server.baseUrl}/api/v1/reports/agents?from=2026-03-10&to=2026-03-10`)).json();
    const columns = header!.split(',');
    expect(columns).toEqual(['id', 'name', 'conversations', 'replies', 'resolved', 'firstResponseMedian', 'csatAverage']);
    expect(rows).toEqual(api.items.map((item: Record<string, unknown>) => columns.map((c) => item[c] ?? '').join(',')));
    expect(rows).toHaveLength(2);

    // On a phone the page does not scroll sideways and the charts scale down.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const chart = await charts.first().boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(375);
    await context.close();
  });
});
