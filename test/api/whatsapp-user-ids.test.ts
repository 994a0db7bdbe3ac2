/**
 * Business-scoped user ids: a payload with both `wa_id` and `user_id` stores both identities on
 * one contact, and a later message carrying only the user id (or only the phone) finds it. Ids
 * that are not phone numbers never collapse into an empty or partial key.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recipientIdentity } from '../../src/core/contacts';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { peerFixture } from '../helpers/peer-fixture';
import { addTestChannel, messagesEnvelope, deliverWebhook, textMessage } from '../helpers/whatsapp';

let t: TestApp;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
const contactsRows = () => q<{ id: string; phone: string | null; name: string }>('SELECT id, phone, name FROM contacts ORDER BY created_at');
const identities = () => q<{ contact_id: string; external_id: string }>('SELECT contact_id, external_id FROM contact_identities ORDER BY external_id');
/** Our own fixture (Meta's documented user-id-only shape): `from_user_id`, no `from`/`wa_id`. */
const userIdOnly = () => JSON.parse(readFileSync(join(import.meta.dir, '../fixtures/whatsapp/user-id-only.json'), 'utf8'));

const deliver = (body: unknown) => deliverWebhook(t, body);

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set(Date.UTC(2026, 0, 15, 12));
  addTestChannel(t);
});
afterEach(async () => t.close());

describe('wa_id and user_id on one contact', () => {
  test('pywa message__text (wa_id + user_id), then a user-id-only message: one contact, one conversation', async () => {
    await deliver(peerFixture('pywa--message__text'));
    await deliver(userIdOnly());
    const [contact, ...others] = contactsRows();
    expect(others).toEqual([]);
    expect(contact!.phone).toBe('+972987654321');
    expect(identities()).toEqual([
      { contact_id: contact!.id, external_id: '972987654321' },
      { contact_id: contact!.id, external_id: 'US.13491208655302741918' },
    ]);
    expect(q('SELECT id FROM conversations')).toHaveLength(1);
    expect(q('SELECT id FROM messages')).toHaveLength(2);
  });

  test('user id first, phone later: the contact gets the phone and its wa_id identity, and we write to the phone', async () => {
    await deliver(userIdOnly());
    expect(contactsRows()[0]!.phone).toBeNull();
    await deliver(peerFixture('pywa--message__text'));
    const [contact, ...others] = contactsRows();
    expect(others).toEqual([]);
    expect(contact!.phone).toBe('+972987654321');
    expect(identities().map((i) => i.external_id)).toEqual(['972987654321', 'US.13491208655302741918']);
    // The user-id identity is older; replies still go to the phone number.
    expect(recipientIdentity(t.app.core, contact!.id)!.externalId).toBe('972987654321');
  });

  test('netflie: a user-id-only sender without `from`, then the same user id next to a wa_id, is one contact keyed on the whole id', async () => {
    await deliver(peerFixture('netflie--can_build_a_notification_with_bsuid_only_and_no_from'));
    expect(identities().map((i) => i.external_id)).toEqual(['BSUID_123']);
    const wamid = peerFixture('netflie--can_keep_wa_id_priority_when_user_id_is_present');
    wamid.entry[0].changes[0].value.messages[0].id = 'wamid.ID2'; // both netflie payloads reuse "wamid.ID"
    await deliver(wamid);
    expect(contactsRows()).toHaveLength(1);
    expect(q('SELECT id FROM messages')).toHaveLength(2);
  });

  test('placeholder senders without digits stay apart (they once all became the empty key)', async () => {
    const senders = ['PHONE_NUMBER', '<WHATSAPP_USER_PHONE_NUMBER>', 'WHATSAPP_ID', 'SENDER_WHATSAPP_ID'];
    for (const [i, waId] of senders.entries()) await deliver(messagesEnvelope([textMessage(`wamid.P${i}`, 'hola', 1767225600 + i)], { waId, name: `Cliente ${i}` }));
    expect(contactsRows()).toHaveLength(senders.length);
    expect(identities().map((i) => i.external_id).sort()).toEqual([...senders].sort());
    expect(identities().some((i) => i.external_id === '')).toBe(false);
  });
});
