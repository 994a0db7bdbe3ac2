/**
 * Browser: what the Graph API simulator sends for payload kinds beyond the basics reaches an open
 * thread live and reads right — an edit rewrites the bubble (previous version on demand), a
 * deletion replaces it with a notice (admins can load the kept content, agents cannot), call
 * permission answers, unknown or undeliverable interactive messages, the ad, the asked-about
 * product, forwarded flags, contact-card details, the location link, a user-id-only message in
 * the same thread, the customer's number change on the timeline; and the problem WhatsApp reported
 * with the undeliverable message on the channel's page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { startGraphSimulator, type GraphSimulator, type InboundKind, type InboundOptions } from '../../src/simulator/graph-simulator';
import { newNumberOf } from '../../src/simulator/inbound';
import { addTestChannel, APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../helpers/whatsapp';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();
const CUSTOMER = '573001234567';
const USER_ID = 'CO.3001234567';

describe.skipIf(!enabled)('browser: WhatsApp kinds beyond the basics', () => {
  let server: LiveServer;
  let browser: Browser;
  let sim: GraphSimulator;
  const q = <T>(sql: string, ...params: any[]) => server.app.core.db.$client.query(sql).all(...params) as T[];
  /** The simulated customer sends `kind`; Turno applies the stored webhook and pushes to the tabs. */
  async function customer(kind: InboundKind, opts: InboundOptions = {}): Promise<string> {
    const wamid = await sim.sendInbound(kind, CUSTOMER, { userId: USER_ID, ...opts });
    server.app.ingest.processPending();
    return wamid;
  }

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    sim = await startGraphSimulator({
      appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token',
      webhookUrl: `${server.baseUrl}/webhooks/whatsapp`, statusDelays: false,
    });
    addTestChannel(server, sim.url);
  });
  afterAll(async () => { await sim?.stop(); await browser?.close(); await server?.close(); });

  test('every kind shows live in the open thread, in the reader\'s language', async () => {
    const first = await customer('text', { text: 'Quiero la camisa azul' });
    const [conversation] = q<{ id: string }>('SELECT id FROM conversations');
    const [message] = q<{ id: string }>('SELECT id FROM messages WHERE external_id = ?', first);
    const admin = await signedInPage(server, browser, { role: 'admin', name: 'Ada Admin' });
    const agent = await signedInPage(server, browser, { role: 'agent', name: 'Beto Agente' });
    for (const tab of [admin, agent]) {
      await tab.page.goto(`${server.baseUrl}/inbox/c/${conversation!.id}`);
      await tab.page.waitForSelector('body[data-ws="open"]');
    }
    const thread = `#thread-${conversation!.id}`;
    const bubble = `#m-${message!.id}`;

    await customer('edit', { replyTo: first, text: 'Quiero la camisa roja' });
    for (const tab of [admin, agent]) await tab.page.waitForSelector(`${bubble} .text >> text=Quiero la camisa roja`);
    await admin.page.click(`${bubble} details.edited summary`);
    await admin.page.waitForSelector(`${bubble} .edit-history >> text=Quiero la camisa azul`);

    await customer('revoke', { replyTo: first });
    for (const tab of [admin, agent]) await tab.page.waitForSelector(`${bubble}[data-deleted="true"] >> text=The customer deleted this message`);
    await admin.page.waitForSelector(`#conv-${conversation!.id} >> text=Message deleted`);
    expect(await agent.page.textContent(bubble)).not.toContain('camisa');
    expect(await agent.page.isVisible(`${bubble} .admin-only`)).toBe(false);
    await admin.page.click(`${bubble} .admin-only`);
    await admin.page.waitForSelector(`${bubble} .deleted-content >> text=Quiero la camisa roja`);

    const lines: Array<[InboundKind, InboundOptions, string]> = [
      ['call_permission_reply', {}, 'Call permission accepted'],
      ['call_permission_reply', { text: 'reject' }, 'Call permission rejected'],
      ['interactive_missing', {}, 'Interactive message WhatsApp could not deliver'],
      ['interactive_unknown', {}, 'Interactive message (payment_method)'],
      ['product_inquiry', {}, 'Asking about product SKU-CAMISA-AZ-M'],
      ['referral', {}, 'Came from an ad'],
      ['contacts', {}, 'sofia.ramirez@example.mx'],
      ['location', {}, 'Open the shared link'],
      ['text', { frequentlyForwarded: true, text: 'Mira esta oferta' }, 'Forwarded many times'],
      ['text', { userIdOnly: true, text: 'Escribo sin número' }, 'Escribo sin número'],
    ];
    for (const [kind, opts, line] of lines) {
      const wamid = await customer(kind, opts);
      const [row] = q<{ id: string; conversation_id: string }>('SELECT id, conversation_id FROM messages WHERE external_id = ?', wamid);
      expect(row!.conversation_id).toBe(conversation!.id);
      await admin.page.waitForSelector(`#m-${row!.id} >> text=${line}`);
    }
    expect(await admin.page.textContent(thread)).not.toContain('not supported');

    // The 131000 that came with the undeliverable interactive message is on the channel's page.
    const [channel] = q<{ id: string }>('SELECT id FROM channels');
    const health = await signedInPage(server, browser, { role: 'admin', name: 'Ana Salud' });
    await health.page.goto(`${server.baseUrl}/admin/channels/${channel!.id}`);
    expect(await health.page.textContent('#health')).toContain('Something went wrong — Unsupported webhook payload');
    await health.context.close();

    await customer('user_changed_number');
    await admin.page.waitForSelector(`${thread} .timeline-event >> text=The customer changed their number from +${CUSTOMER} to +${newNumberOf(CUSTOMER)}`);
    await admin.context.close(); await agent.context.close();
  }, 90_000);
});
