/**
 * Browser: a mention in a private note reaches agent B live (mention count + notification marker),
 * search finds an old message and the link scrolls to and highlights it (thread loaded around it),
 * the canned-response picker inserts expanded text, and the search page at 375 px (screenshot in
 * /tmp/turno-search-375.png, no horizontal overflow).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { createCanned } from '../../src/core/canned';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: inbox tools', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const agentPage = (name: string, width = 1280) => signedInPage(server, browser, { name, width });

  test('a mention in a private note shows up live for the mentioned agent', async () => {
    const { channelId } = makeChannel(server);
    const r = customerSays(server, channelId, 'Consulta sobre garantía', { name: 'Gloria' });
    const a = await agentPage('Alicia');
    const b = await agentPage('Bruno Díaz');
    await b.page.goto(`${server.baseUrl}/inbox?view=all`);
    await b.page.waitForSelector('body[data-ws="open"]');
    expect(await b.page.textContent('#count-mentions')).toBe('0');
    await a.page.goto(`${server.baseUrl}/inbox/c/${r.conversation!.id}`);
    await a.page.click(`#composer-${r.conversation!.id} .composer-modes button:nth-child(2)`);
    await a.page.fill(`#composer-${r.conversation!.id} textarea`, '@Bruno ¿lo revisas?');
    await a.page.press(`#composer-${r.conversation!.id} textarea`, 'Enter');
    await b.page.waitForSelector('#count-mentions.has-mentions');
    expect(await b.page.textContent('#count-mentions')).toBe('1');
    expect(await b.page.getAttribute('#rt-notify', 'data-kind')).toBe('mention');
    expect(await b.page.getAttribute('#rt-notify', 'data-conversation')).toBe(r.conversation!.id);
    await a.context.close(); await b.context.close();
  }, 60_000);

  test('search finds an old message and jumps to it', async () => {
    const { channelId } = makeChannel(server);
    const old = customerSays(server, channelId, 'Necesito tornillos de acero inoxidable', { from: '5491100005555', name: 'Hernán' });
    for (let i = 0; i < 80; i++) { server.clock.advance(60_000); customerSays(server, channelId, `mensaje de relleno ${i}`, { from: '5491100005555' }); }
    const a = await agentPage('Carla');
    await a.page.goto(`${server.baseUrl}/inbox?view=all`);
    await a.page.fill('.search-box input[name=q]', 'TORNILLO');
    await a.page.press('.search-box input[name=q]', 'Enter');
    await a.page.waitForSelector('.search-hit mark');
    expect(await a.page.textContent('.search-hit mark')).toBe('tornillos');
    await a.page.click(`a[href*="#m-${old.message!.id}"]`);
    await a.page.waitForSelector(`#m-${old.message!.id}.jumped`);
    const visible = await a.page.evaluate((id) => {
      const el = document.getElementById(`m-${id}`)!.getBoundingClientRect();
      const pane = document.querySelector('.thread')!.getBoundingClientRect();
      return el.top >= pane.top && el.bottom <= pane.bottom;
    }, old.message!.id);
    expect(visible).toBe(true);
    expect(await a.page.isVisible('.newer-link a') || await a.page.isVisible('.bubble >> text=mensaje de relleno 79')).toBe(true);
    await a.context.close();
  }, 60_000);

  test('typing / opens the canned-response picker and Enter inserts the expanded text', async () => {
    const { channelId } = makeChannel(server);
    const r = customerSays(server, channelId, 'hola', { name: 'Inés' });
    const a = await agentPage('Diego');
    createCanned(server.app.core, a.user, { shortcut: 'saludo', title: 'Saludo', content: 'Hola {{contact.name}}, soy {{agent.name}}.' }, { type: 'user', user: a.user });
    await a.page.goto(`${server.baseUrl}/inbox/c/${r.conversation!.id}`);
    const box = `#composer-${r.conversation!.id} textarea`;
    await a.page.click(box);
    await a.page.keyboard.type('/salu');
    await a.page.waitForSelector('.canned-picker li.active >> text=/saludo');
    await a.page.keyboard.press('Enter');
    expect(await a.page.inputValue(box)).toBe('Hola Inés, soy Diego.');
    expect(await a.page.isVisible('.canned-picker')).toBe(false);
    await a.context.close();
  }, 60_000);

  test('the search page works at 375 px', async () => {
    const { channelId } = makeChannel(server);
    customerSays(server, channelId, 'Quiero cambiar la dirección de entrega <script>alert(1)</script> del pedido 12345', { name: 'Valentina Rodríguez Fernández' });
    const a = await agentPage('Eva', 375);
    await a.page.goto(`${server.baseUrl}/inbox/search?q=${encodeURIComponent('valentina')}`);
    await a.page.waitForSelector('.contact-hit');
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await a.page.goto(`${server.baseUrl}/inbox/search?q=${encodeURIComponent('direccion entrega')}`);
    await a.page.waitForSelector('.search-hit');
    await a.page.screenshot({ path: '/tmp/turno-search-375.png', fullPage: true });
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await a.page.$$eval('.search-hit mark', (els) => els.map((e) => e.textContent))).toEqual(['dirección', 'entrega']);
    await a.context.close();
  }, 60_000);
});
