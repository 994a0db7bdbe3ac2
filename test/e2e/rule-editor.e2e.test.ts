/**
 * Browser: the routing-rule form. An admin builds a rule from condition/action rows (keywords + AI
 * intent with the intent list from the classifier's store → priority + team), the JSON the server
 * stores matches; an unsafe regex comes back with the error on its own row; the advanced JSON
 * toggle still edits the rows; the test box shows the explanation sentence.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { listRules } from '../../src/core/routing/rules';
import { createTeam } from '../../src/core/teams';
import { browserAvailable, launchBrowser, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: routing rule editor', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('build a rule from rows, see a row error, use advanced JSON, test a message', async () => {
    const team = createTeam(server.app.core, { name: 'Cobranzas' }, null);
    const { client } = await server.signIn('admin', { name: 'Ada' });
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addCookies([{ name: 'turno_session', value: client.cookies.turno_session!, url: server.baseUrl }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.baseUrl}/admin/routing`);
    await page.waitForSelector('.rule-row[data-condition="keywords"]');
    expect(await page.isVisible('#rule-form textarea[name=conditions]')).toBe(false);

    await page.fill('#rule-form input[name=name]', 'Facturas');
    await page.fill('.rule-row[data-condition="keywords"] input', 'factura, boleto');
    await page.click('text=Add condition');
    const second = page.locator('.rule-row[data-condition]').nth(1);
    await second.locator('select').first().selectOption('intent');
    await page.waitForSelector('.rule-row[data-condition="intent"]');
    const intentOptions = await page.locator('.rule-row[data-condition="intent"] select').nth(1).locator('option').allTextContents();
    expect(intentOptions.length).toBeGreaterThan(3);
    await page.locator('.rule-row[data-condition="intent"] select').nth(1).selectOption('billing');
    await page.fill('.rule-row[data-condition="intent"] input[type=number]', '60');
    await page.click('text=Add action');
    await page.locator('.rule-row[data-action]').nth(1).locator('select').first().selectOption('assign_team');
    await page.waitForSelector('.rule-row[data-action="assign_team"]');
    await page.click('#rule-form button[type=submit]');
    await page.waitForSelector('#rules li[data-rule="Facturas"]');
    const [rule] = listRules(server.app.core);
    expect(rule!.conditions).toEqual([{ type: 'keywords', any: ['factura', 'boleto'] }, { type: 'intent', intent: 'billing', minConfidence: 0.6 }]);
    expect(rule!.actions).toEqual([{ type: 'set_priority', priority: 'high' }, { type: 'assign_team', teamId: team.id }]);

    // A pattern RE2 cannot run (lookahead): 422 and the message sits on the regex row.
    await page.fill('#rule-form input[name=name]', 'Mala');
    await page.locator('.rule-row[data-condition]').first().locator('select').first().selectOption('regex');
    await page.fill('.rule-row[data-condition="regex"] input', '(?=pago)factura');
    await page.click('#rule-form button[type=submit]');
    await page.waitForSelector('.rule-row[data-condition="regex"] .error');
    expect(await page.textContent('.rule-row[data-condition="regex"] .error')).toContain('Lookahead and lookbehind');
    expect(listRules(server.app.core)).toHaveLength(1);

    // Advanced: editing the JSON replaces the rows.
    await page.click('#rule-form details.advanced summary');
    await page.waitForSelector('#rule-form textarea[name=conditions]', { state: 'visible' });
    await page.fill('#rule-form textarea[name=conditions]', '[{"type":"language","is":"pt"}]');
    await page.locator('#rule-form textarea[name=conditions]').dispatchEvent('change');
    await page.waitForSelector('.rule-row[data-condition="language"]');
    expect(await page.locator('.rule-row[data-condition]').count()).toBe(1);
    await page.fill('#rule-form input[name=name]', 'Portugués');
    await page.click('#rule-form button[type=submit]');
    await page.waitForSelector('#rules li[data-rule="Portugués"]');
    expect(listRules(server.app.core)[1]!.conditions).toEqual([{ type: 'language', is: 'pt' }]);

    await page.fill('textarea[name=text]', 'Olá, não consigo pagar minha fatura');
    await page.click('form[action="/admin/routing/test"] button');
    await page.waitForSelector('#test-result');
    expect(await page.textContent('#test-result')).toContain('rule 2 “Portugués” because it matched language pt');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
