/** A label change reaches the labels section of every other tab that has the thread open, live. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { createLabel } from '../../src/core/labels';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { customerSays, makeChannel } from '../helpers/inbox-fixtures';
import { eventually, WsTab } from '../helpers/ws-tab';

let t: TestApp;
let port: number;
beforeAll(async () => { t = await createTestApp(); port = t.app.listen(0); });
afterAll(async () => { await t.close(); });

test('agent A adds a label; agent B, viewing the same thread, gets the sidebar labels section with the chip on', async () => {
  const a = await t.signIn('agent', { name: 'Ana' });
  const b = await t.signIn('agent', { name: 'Beto' });
  const { channelId } = makeChannel(t);
  const id = customerSays(t, channelId, 'hola', { from: '5491100008801' }).conversation!.id;
  const vip = createLabel(t.app.core, { name: 'VIP <b>', color: '#ff0000' }, { type: 'user', user: a.user });
  const viewer = new WsTab(port, b.client.cookies.turno_session!);
  await viewer.open();
  viewer.send({ type: 'view', conversationId: id });
  await eventually(() => t.app.deps.realtime.hub.allTabs().some((tab) => tab.viewing === id));

  expect((await a.client.form(`/inbox/c/${id}/labels`, { labelId: vip.id, on: 'true' })).status).toBeLessThan(300);
  const frame = await viewer.waitFor((f) => f.includes(`id="contact-labels-${id}"`));
  expect(frame).toContain('hx-swap-oob="outerHTML"');
  expect(frame).toContain('aria-pressed="true"');
  expect(frame).toContain('VIP &lt;b&gt;');
  expect(frame).not.toContain('VIP <b>');
  viewer.close();
});
