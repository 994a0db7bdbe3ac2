/**
 * Every interactive kind gets a readable line, and the context a message carries reaches the
 * agent: ad referral, asked-about product, forwarded flags, contact-card details, the location's
 * link. Payloads other projects wrote (test/fixtures/whatsapp/peer) through the signed webhook.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { peerFixture } from '../helpers/peer-fixture';
import { addTestChannel, messagesEnvelope, deliverWebhook } from '../helpers/whatsapp';

let t: TestApp;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];

const deliver = (body: unknown) => deliverWebhook(t, body);

/** The bubble (as an admin sees it, in the default Spanish) of the only message stored so far. */
async function onlyBubble(): Promise<string> {
  const [m] = q<{ id: string; conversation_id: string }>('SELECT id, conversation_id FROM messages');
  const { client } = await t.signIn('admin');
  const page = await (await client.get(`/inbox/c/${m!.conversation_id}`)).text();
  const start = page.indexOf(`id="m-${m!.id}"`);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</article>', start));
}
/** The bubble's visible text, tags stripped. */
const textOf = (bubble: string) => bubble.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set(Date.UTC(2026, 0, 15, 12));
  addTestChannel(t);
});
afterEach(async () => t.close());

describe('interactive and unsupported kinds never render as an empty or vague bubble', () => {
  test.each([
    ['pywa--call_permission_update__accept', 'Permiso de llamada aceptado'],
    ['pywa--call_permission_update__reject', 'Permiso de llamada rechazado'],
    ['pywa--message__interactive_message_with_err', 'Mensaje interactivo que WhatsApp no pudo entregar'],
    ['pywa--message__unsupported_with_type', 'Mensaje no compatible: pool'],
  ])('%s', async (name, line) => {
    await deliver(peerFixture(name));
    expect(textOf(await onlyBubble())).toContain(line);
  });

  test('a kind Turno has no view for (written by us in the same shape) says which kind it is', async () => {
    await deliver(messagesEnvelope([{ id: 'wamid.PAY1', timestamp: '1767225600', type: 'interactive', interactive: { type: 'payment_method', payment_method: { payment_method: 'card', credential_id: 'cred-1', last_four_digits: '4242' } } }]));
    expect(textOf(await onlyBubble())).toContain('Mensaje interactivo (payment_method)');
  });
});

describe('the context agents need', () => {
  test('pywa message__referral: the click-to-WhatsApp ad is shown above the text', async () => {
    const body = peerFixture('pywa--message__referral');
    await deliver(body);
    const bubble = textOf(await onlyBubble());
    expect(bubble).toContain('AD_TITLE');
    expect(bubble).toContain('AD_DESCRIPTION');
    expect(bubble).toContain('BODY');
  });

  test('netflie can_build_a_notification: forwarded many times, the asked-about product and the referral', async () => {
    await deliver(peerFixture('netflie--can_build_a_notification'));
    const bubble = textOf(await onlyBubble());
    expect(bubble).toContain('Reenviado muchas veces');
    expect(bubble).toContain('Pregunta por el producto PRODUCT_ID');
    expect(bubble).toContain('AD_TITLE');
  });

  test('pywa message__forwarded_many_times', async () => {
    await deliver(peerFixture('pywa--message__forwarded_many_times'));
    expect(textOf(await onlyBubble())).toContain('Reenviado muchas veces');
  });

  test('netflie contact card: e-mails, organisation, addresses', async () => {
    await deliver(peerFixture('netflie--can_build_a_contact_notification'));
    const bubble = await onlyBubble();
    expect(bubble).toContain('href="mailto:CONTACT_EMAIL"');
    expect(textOf(bubble)).toContain('CONTACT_ORG_COMPANY · CONTACT_ORG_DEPARTMENT · CONTACT_ORG_TITLE');
    expect(textOf(bubble)).toContain('CONTACT_STREET, CONTACT_CITY, CONTACT_STATE, CONTACT_ZIP, CONTACT_COUNTRY');
    expect(textOf(bubble)).toContain('1989-03-16');
  });

  test('pywa message__chosen_location: the shared link is offered next to the map', async () => {
    await deliver(peerFixture('pywa--message__chosen_location'));
    const bubble = await onlyBubble();
    expect(bubble).toContain('href="https://maps.google.com/?cid=2000000000000000000"');
    expect(textOf(bubble)).toContain('Reenviado');
  });
});
