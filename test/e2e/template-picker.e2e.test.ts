/**
 * Browser: with the 24-hour window closed, the composer's template picker asks for what the
 * template needs — a LOCATION header's coordinates, a dynamic URL button's ending, a coupon code —
 * refuses to send while something is missing, and sends the values the API expects.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { messages, messageTemplates } from '../../src/db/schema';
import { newId } from '../../src/lib/ids';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

describe.skipIf(!enabled)('browser: template picker', () => {
  let server: LiveServer;
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  test('location header and button values are asked for and sent', async () => {
    const { channelId } = makeChannel(server);
    const add = (name: string, language: string, components: unknown[]) => server.app.core.db.insert(messageTemplates).values({
      id: newId(), channelId, externalId: null, name, language, status: 'APPROVED', category: 'UTILITY', components, syncedAt: server.clock.now(),
    }).run();
    add('order_tracking', 'en_US', [
      { type: 'BODY', text: 'Your order {{1}} is on its way.' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track order', url: 'https://shop.example.com/track/{{1}}' }, { type: 'COPY_CODE', example: 'SAVE10' }] },
    ]);
    add('store_visit', 'es', [{ type: 'HEADER', format: 'LOCATION' }, { type: 'BODY', text: 'Hola {{1}}, te esperamos.' }]);
    const id = customerSays(server, channelId, 'hola', { from: '5491100007777' }).conversation!.id;
    server.clock.advance(25 * 3600_000); // the window is closed: the picker opens by itself
    const { page, context } = await signedInPage(server, browser, { role: 'admin', name: 'Tina' });
    await page.goto(`${server.baseUrl}/inbox/c/${id}`);
    const picker = `#thread-pane .template-picker`;
    await page.waitForSelector(`${picker} select[name=_template_choice] option:nth-child(3)`, { state: 'attached' });
    /** The payload of the template message sent with `name`, if any. */
    const sent = (name: string) => server.app.core.db.select().from(messages).where(eq(messages.conversationId, id)).all()
      .find((m) => m.type === 'template' && (m.payload?.template as { name?: string } | undefined)?.name === name)?.payload;

    await page.selectOption(`${picker} select[name=_template_choice]`, { label: 'store_visit (es)' });
    await page.fill(`${picker} input[x-model="values[i]"]`, 'Ana');
    await page.click(`${picker} .template-actions button.primary`);
    await page.waitForFunction((cid) => (document.getElementById(`composer-error-${cid}`)?.textContent ?? '') !== '', id);
    expect(sent('store_visit')).toBeUndefined(); // coordinates missing: nothing sent
    await page.fill(`${picker} input[x-model="location.latitude"]`, '-34.6037');
    await page.fill(`${picker} input[x-model="location.longitude"]`, '-58.3816');
    await page.fill(`${picker} input[x-model="location.name"]`, 'Tienda Centro');
    await page.click(`${picker} .template-actions button.primary`);
    await page.waitForFunction(() => !document.querySelector('#thread-pane .template-picker .template-form'));
    expect(sent('store_visit')).toEqual({ template: { name: 'store_visit', language: 'es', body: ['Ana'], header: { type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Tienda Centro' } } });

    await page.selectOption(`${picker} select[name=_template_choice]`, { label: 'order_tracking (en_US)' });
    await page.fill(`${picker} input[x-model="values[i]"]`, '#1234');
    const buttonInputs = page.locator(`${picker} input[x-model="buttonValues[b.index]"]`);
    expect(await buttonInputs.count()).toBe(2);
    await buttonInputs.nth(0).fill('ABC123');
    await buttonInputs.nth(1).fill('SAVE10');
    await page.click(`${picker} .template-actions button.primary`);
    await page.waitForFunction(() => !document.querySelector('#thread-pane .template-picker .template-form'));
    expect(sent('order_tracking')).toEqual({ template: { name: 'order_tracking', language: 'en_US', body: ['#1234'], buttons: [
      { subType: 'url', index: 0, text: 'ABC123' }, { subType: 'copy_code', index: 1, couponCode: 'SAVE10' },
    ] } });
    await context.close();
  }, 90_000);
});
