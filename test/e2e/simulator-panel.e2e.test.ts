/**
 * Browser: the simulator channel's control panel. An admin plays a new customer who sends a photo
 * (it shows as a real picture, not a dot) and an audio clip (the player knows its length), starts
 * scripted traffic at a chosen rate and stops it, and makes the next reply fail on purpose.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { Browser } from 'playwright-core';
import { sendMessage } from '../../src/core/messages';
import { browserAvailable, launchBrowser, signedInPage, startLiveServer, type LiveServer } from './browser';

const enabled = browserAvailable();

/** Applies the stored webhooks, runs due jobs (downloads, sends) and polls a condition until it holds, for up to ~15 s. */
async function until<T>(check: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 1500; i++) {
    server.app.ingest.processPending();
    await server.app.jobs.runDue();
    const value = check();
    if (value) return value;
    await Bun.sleep(10);
  }
  throw new Error('condition not met in time');
}

let server: LiveServer;

describe.skipIf(!enabled)('browser: simulator control panel', () => {
  let browser: Browser;
  beforeAll(async () => { server = await startLiveServer(); browser = await launchBrowser(); });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  const inboundOf = (channelId: string) => server.app.core.db.$client
    .query<{ n: number }, [string]>("SELECT count(*) AS n FROM messages WHERE channel_id = ? AND direction = 'inbound'").get(channelId)!.n;

  test('a new customer sends a photo and an audio clip; traffic starts and stops; the next reply fails', async () => {
    const admin = await signedInPage(server, browser, { role: 'admin', name: 'Alba Sim' });
    const page = admin.page;
    await page.goto(`${server.baseUrl}/admin/channels`);
    await page.click('form[action="/admin/channels/simulator"] button');
    await page.waitForSelector('#simulator-panel');
    const channelId = /\/admin\/channels\/([^?#/]+)/.exec(page.url())![1]!;

    const customerWrites = async (kind: string, text: string) => {
      await page.selectOption('#sim-inbound select[name=customer]', 'new');
      await page.fill('#sim-inbound input[name=name]', 'Tomás Prueba');
      await page.fill('#sim-inbound input[name=phone]', '+54 9 11 5555 0101');
      await page.selectOption('#sim-inbound select[name=kind]', kind);
      await page.fill('#sim-inbound textarea[name=text]', text);
      await page.click('#sim-inbound button[type=submit]');
      await page.waitForURL(/ok=sim_sent/);
    };
    await customerWrites('image', '¿Tienen este en azul?');
    await customerWrites('audio', '');
    const conversationId = await until(() => server.app.core.db.$client.query<{ id: string }, []>(
      "SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.name = 'Tomás Prueba'").get()?.id);

    await page.goto(`${server.baseUrl}/inbox/c/${conversationId}`);
    await until(() => server.app.core.db.$client.query<{ n: number }, [string]>(
      "SELECT count(*) AS n FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = ? AND a.status = 'stored'").get(conversationId)!.n === 2);
    await page.reload();
    await page.waitForFunction(() => { const img = document.querySelector<HTMLImageElement>('.bubble img.media'); return !!img && img.complete && img.naturalWidth > 0; });
    expect(await page.$eval('.bubble img.media', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThanOrEqual(320);
    await page.waitForFunction(() => { const a = document.querySelector<HTMLAudioElement>('.bubble audio'); return !!a && a.readyState >= 1; });
    expect(await page.$eval('.bubble audio', (a) => (a as HTMLAudioElement).duration)).toBeGreaterThan(2);

    await page.goto(`${server.baseUrl}/admin/channels/${channelId}`);
    await page.fill('#sim-traffic input[name=perMinute]', '120');
    await page.click('#sim-traffic button[value=true]');
    await page.waitForSelector('#sim-traffic [data-traffic="120"]');
    const before = inboundOf(channelId);
    await until(() => inboundOf(channelId) >= before + 2);
    await page.click('#sim-traffic button[value=false]');
    await page.waitForSelector('#sim-traffic [data-traffic="0"]');
    expect(server.app.deps.simulators.traffic.rateOf(channelId)).toBeNull();

    await page.selectOption('#sim-fail select[name=code]', '131026');
    await page.click('#sim-fail button[type=submit]');
    await page.waitForURL(/ok=sim_fail/);
    const reply = sendMessage(server.app.core, conversationId, { type: 'user', user: admin.user }, { content: 'Sí, lo tenemos' });
    const failed = await until(() => server.app.core.db.$client.query<{ status: string; error_code: string | null }, [string]>(
      'SELECT status, error_code FROM messages WHERE id = ?').get(reply.id)!.status === 'failed');
    expect(failed).toBe(true);
    await admin.context.close();
  }, 90_000);
});
