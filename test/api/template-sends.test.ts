/**
 * Templates as Meta takes them, end to end through the simulator (which validates them as Meta
 * does): named variables carry `parameter_name`, dynamic URL and copy-code buttons carry their
 * values, LOCATION headers their coordinates; a send missing what the template needs is refused
 * before it is queued, with a message naming what is missing.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { sendMessage, type SendMessageInput } from '../../src/core/messages';
import type { PublicUser } from '../../src/core/types';
import { messages } from '../../src/db/schema';
import { scheduleTemplateSync } from '../../src/jobs/handlers/templates-sync';
import type { GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { SIMULATED_CUSTOMER, startSimulatedConversation } from '../helpers/simulated-conversation';
import { PHONE_NUMBER_ID } from '../helpers/whatsapp';

let t: TestApp;
let sim: GraphSimulator;
let agent: PublicUser;
let conversationId: string;

const send = (input: SendMessageInput) => sendMessage(t.app.core, conversationId, { type: 'user', user: agent }, input);
const status = (id: string) => t.app.core.db.select().from(messages).where(eq(messages.id, id)).get()!;

beforeEach(async () => {
  t = await createTestApp();
  const started = await startSimulatedConversation(t);
  ({ sim, conversationId } = started);
  agent = (await t.signIn('agent')).user;
  scheduleTemplateSync(t.app.core, started.channel.id);
  await t.app.jobs.runDue();
});
afterEach(async () => {
  await sim.stop();
  await t.close();
});

describe('sent as Meta expects them (the simulator accepts them)', () => {
  test('named variables go with parameter_name', async () => {
    const m = send({ template: { name: 'appointment_reminder', language: 'es', body: ['Ana', '12/03'] } });
    await t.app.jobs.runDue();
    expect(status(m.id).status).toBe('sent');
    expect(sim.sent.at(-1)!.body).toMatchObject({ template: { components: [{ type: 'body', parameters: [
      { type: 'text', parameter_name: 'customer', text: 'Ana' }, { type: 'text', parameter_name: 'date', text: '12/03' },
    ] }] } });
  });

  test('a dynamic URL button and a copy-code button carry their values', async () => {
    const m = send({ template: { name: 'order_tracking', language: 'en_US', body: ['#1234', 'SAVE10'], buttons: [
      { subType: 'url', index: 0, text: 'ABC123' }, { subType: 'copy_code', index: 1, couponCode: 'SAVE10' },
    ] } });
    await t.app.jobs.runDue();
    expect(status(m.id).status).toBe('sent');
    expect(sim.sent.at(-1)!.body).toMatchObject({ template: { components: [
      { type: 'body' },
      { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'ABC123' }] },
      { type: 'button', sub_type: 'copy_code', index: '1', parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }] },
    ] } });
  });

  test('a LOCATION header carries its coordinates, name and address', async () => {
    const m = send({ template: { name: 'store_visit', language: 'es', body: ['Ana'], header: { type: 'location', latitude: -34.6037, longitude: -58.3816, name: 'Tienda Centro', address: 'Av. Corrientes 1234' } } });
    await t.app.jobs.runDue();
    expect(status(m.id).status).toBe('sent');
    expect(sim.sent.at(-1)!.body).toMatchObject({ template: { components: [
      { type: 'header', parameters: [{ type: 'location', location: { latitude: -34.6037, longitude: -58.3816, name: 'Tienda Centro', address: 'Av. Corrientes 1234' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
    ] } });
  });
});

describe('the composer\'s template picker', () => {
  test('lists the buttons that need a value and sends a location header and button values', async () => {
    const { client } = await t.signIn('admin');
    const list = await (await client.get(`/inbox/c/${conversationId}/templates`)).json() as Array<{ name: string; header: { format: string } | null; buttons: Array<{ index: number; type: string; text: string; needs: string | null }> }>;
    expect(list.find((x) => x.name === 'order_tracking')!.buttons).toEqual([
      { index: 0, type: 'URL', text: 'Track order', needs: 'url' }, { index: 1, type: 'COPY_CODE', text: '', needs: 'copy_code' }, { index: 2, type: 'QUICK_REPLY', text: 'Stop updates', needs: null },
    ]);
    expect(list.find((x) => x.name === 'store_visit')!.header!.format).toBe('LOCATION');
    const page = await (await client.get(`/inbox/c/${conversationId}`)).text();
    expect(page).toContain('Código de cupón de «§» (hasta 15 caracteres)');
    expect(page).toContain('x-model="location.latitude"');

    const a = await client.json('POST', `/inbox/c/${conversationId}/template`, { name: 'order_tracking', language: 'en_US', body: ['#9', 'SAVE10'], buttons: [{ subType: 'url', index: 0, text: 'Z9' }, { subType: 'copy_code', index: 1, couponCode: 'SAVE10' }] });
    const b = await client.json('POST', `/inbox/c/${conversationId}/template`, { name: 'store_visit', language: 'es', body: ['Ana'], header: { type: 'location', latitude: 1.5, longitude: 2.5 } });
    expect([a.status, b.status]).toEqual([200, 200]);
    await t.app.jobs.runDue();
    expect(sim.sent.map((s) => (s.body as { template: { name: string } }).template.name)).toEqual(['order_tracking', 'store_visit']);
    const missing = await client.json('POST', `/inbox/c/${conversationId}/template`, { name: 'store_visit', language: 'es', body: ['Ana'] });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('La plantilla store_visit necesita una cabecera LOCATION');
  });
});

describe('refused before queueing, with what is missing', () => {
  const refused = (input: SendMessageInput) => {
    try { send(input); } catch (error) { return (error as Error).message; }
    return 'sent';
  };
  test('values the template needs', () => {
    expect(refused({ template: { name: 'appointment_reminder', language: 'es', body: ['Ana'] } })).toBe('The template appointment_reminder takes 2 body values; 1 given');
    expect(refused({ template: { name: 'store_visit', language: 'es', body: ['Ana'] } })).toBe('The template store_visit needs a LOCATION header');
    expect(refused({ template: { name: 'order_tracking', language: 'en_US', body: ['#1', 'X'], buttons: [{ subType: 'url', index: 0, text: 'A1' }] } }))
      .toBe('The template order_tracking needs a value for its button 2 (COPY_CODE)');
    expect(refused({ template: { name: 'reengage_customer', language: 'es', body: ['Ana'], header: { type: 'text', params: ['x'] } } })).toBe('The template reengage_customer has no header to fill');
    expect(refused({ template: { name: 'order_tracking', language: 'en_US', body: ['#1', 'X'], buttons: [{ subType: 'url', index: 0, text: 'A1' }, { subType: 'copy_code', index: 1, couponCode: 'A_CODE_LONGER_THAN_15' }] } }))
      .toContain('couponCode');
  });
});

describe('the simulator rejects what Meta rejects', () => {
  const post = async (template: Record<string, unknown>) => {
    const res = await fetch(`${sim.url}/v23.0/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST', headers: { authorization: 'Bearer EAAG-test-access-token', 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: SIMULATED_CUSTOMER, type: 'template', template }),
    });
    const body = await res.json() as { error?: { code: number; error_data: { details: string } } };
    return body.error ? `${body.error.code}: ${body.error.error_data.details}` : 'accepted';
  };
  const text = (value: string, name?: string) => (name ? { type: 'text', parameter_name: name, text: value } : { type: 'text', text: value });

  test('named variables without parameter_name, positional ones with it, unknown names', async () => {
    const named = { name: 'appointment_reminder', language: { code: 'es' } };
    expect(await post({ ...named, components: [{ type: 'body', parameters: [text('Ana'), text('12/03')] }] })).toBe('100: body: parameter_name is required for each parameter of a template with named parameters');
    expect(await post({ ...named, components: [{ type: 'body', parameters: [text('Ana', 'customer'), text('12/03', 'day')] }] })).toBe('132000: body: parameter name day does not exist in the template');
    expect(await post({ ...named, components: [{ type: 'body', parameters: [text('Ana', 'customer'), text('12/03', 'date')] }] })).toBe('accepted');
    expect(await post({ name: 'reengage_customer', language: { code: 'es' }, components: [{ type: 'body', parameters: [text('Ana', '1')] }] })).toBe('100: body: parameter_name is only valid for templates with named parameters');
  });

  test('headers must match the template\'s format', async () => {
    const body = { type: 'body', parameters: [text('Ana'), text('#1')] };
    const order = { name: 'order_update', language: { code: 'es' } };
    expect(await post({ ...order, components: [body] })).toBe("132000: header: the template's IMAGE header needs one parameter (0 given)");
    expect(await post({ ...order, components: [{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://x/v.mp4' } }] }, body] })).toBe('132012: header: Format mismatch, expected IMAGE, received VIDEO');
    expect(await post({ name: 'store_visit', language: { code: 'es' }, components: [{ type: 'header', parameters: [{ type: 'location', location: { name: 'x' } }] }, { type: 'body', parameters: [text('Ana')] }] }))
      .toBe('131008: header: location needs latitude and longitude');
  });

  test('buttons: required values, matching types, coupon length, clean text', async () => {
    const tracking = { name: 'order_tracking', language: { code: 'en_US' } };
    const body = { type: 'body', parameters: [text('#1'), text('X')] };
    const url = { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A1' }] };
    const coupon = (code: string) => ({ type: 'button', sub_type: 'copy_code', index: '1', parameters: [{ type: 'coupon_code', coupon_code: code }] });
    expect(await post({ ...tracking, components: [body, url] })).toBe("131008: button at index 1: the template's COPY_CODE button needs a parameter");
    expect(await post({ ...tracking, components: [body, url, coupon('A_CODE_LONGER_THAN_15')] })).toBe('131009: button at index 1: coupon_code is longer than 15 characters');
    expect(await post({ ...tracking, components: [body, { ...url, index: '2' }, coupon('SAVE10')] })).toBe('131009: button at index 2: the template has no url button there');
    expect(await post({ ...tracking, components: [{ type: 'body', parameters: [text('#1\n2'), text('X')] }, url, coupon('SAVE10')] })).toBe('132018: body: Param text cannot have new-line/tab characters or more than 4 consecutive spaces');
    expect(await post({ ...tracking, components: [body, url, coupon('SAVE10')] })).toBe('accepted');
  });
});
