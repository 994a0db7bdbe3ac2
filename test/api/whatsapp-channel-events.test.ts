/**
 * Channel-level news in webhooks other projects wrote: `value.errors` reach the admin's channel
 * page with an explanation, and a `user_changed_number` system message moves the contact to the
 * new number (history kept, noted on the timeline).
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import type { Channel } from '../../src/core/types';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { peerFixture } from '../helpers/peer-fixture';
import { addTestChannel, deliverWebhook, messagesEnvelope, textMessage } from '../helpers/whatsapp';

let t: TestApp;
let channel: Channel;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
const deliver = (body: unknown) => deliverWebhook(t, body);

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set(Date.UTC(2026, 0, 15, 12));
  channel = addTestChannel(t);
});
afterEach(async () => t.close());

describe('value.errors', () => {
  test('pywa message__interactive_message_with_err: the 131000 is shown on the channel page with its explanation', async () => {
    const { client } = await t.signIn('admin');
    const before = await (await client.get(`/admin/channels/${channel.id}`)).text();
    expect(before).toContain('WhatsApp no ha informado ningún problema');

    await deliver(peerFixture('pywa--message__interactive_message_with_err'));
    const config = JSON.parse(q<{ config: string }>('SELECT config FROM channels')[0]!.config);
    expect(config.systemErrors).toEqual([{ code: 131000, title: 'Something went wrong', details: 'Unsupported webhook payload', at: Date.UTC(2026, 0, 15, 12) }]);

    const page = await (await client.get(`/admin/channels/${channel.id}`)).text();
    const health = page.slice(page.indexOf('id="health"'), page.indexOf('</section>', page.indexOf('id="health"')));
    expect(health).toContain('Error temporal de WhatsApp');
    expect(health).toContain('Something went wrong — Unsupported webhook payload');
    expect(health).toContain('Error de WhatsApp 131000');
  });
});

describe('user_changed_number', () => {
  test('pywa system__phone_number_change: the contact moves to the new number, the timeline says so, the new number finds the same thread', async () => {
    await deliver(peerFixture('pywa--message__text'));
    const [contact] = q<{ id: string; phone: string }>('SELECT id, phone FROM contacts');
    expect(contact!.phone).toBe('+972987654321');

    const change = peerFixture('pywa--system__phone_number_change');
    await deliver(change);
    await deliver(change);
    expect(q('SELECT id, phone FROM contacts')).toEqual([{ id: contact!.id, phone: '+972912345678' }]);
    expect(q<{ external_id: string }>('SELECT external_id FROM contact_identities ORDER BY external_id').map((r) => r.external_id)).toEqual(['972912345678', 'US.13491208655302741918']);
    const events = q<{ kind: string; details: string }>("SELECT kind, details FROM conversation_events WHERE kind = 'number_changed'");
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.details)).toEqual({ oldPhone: '+972987654321', newPhone: '+972912345678' });
    expect(t.eventNames()).toContain('contact.updated');

    await deliver(messagesEnvelope([textMessage('wamid.NEW1', 'Ahora escribo desde este número', 1753851400)], { waId: '972912345678', name: 'Test Name' }));
    expect(q('SELECT id FROM contacts')).toHaveLength(1);
    const conversations = q<{ id: string }>('SELECT id FROM conversations');
    expect(conversations).toHaveLength(1);

    const { client } = await t.signIn('admin');
    const page = await (await client.get(`/inbox/c/${conversations[0]!.id}`)).text();
    expect(page).toContain('El cliente cambió su número de +972987654321 a +972912345678');
  });
});
