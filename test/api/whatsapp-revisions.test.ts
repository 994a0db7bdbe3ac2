/**
 * Edits (`type: edit`) and deletions for everyone (`type: revoke`), from the customer and echoed
 * from the WhatsApp Business app, in payloads other projects wrote (test/fixtures/whatsapp/peer):
 * they change the original message once, in place, and the thread shows it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { setSetting } from '../../src/core/settings';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { firstItem, peerFixture } from '../helpers/peer-fixture';
import { addTestChannel, echoEnvelope, messagesEnvelope, deliverWebhook, textMessage } from '../helpers/whatsapp';

let t: TestApp;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
interface Row { id: string; conversation_id: string; type: string; content: string; payload: string; raw: string | null; external_id: string }
const messageRows = () => q<Row>('SELECT * FROM messages ORDER BY sent_at');
const payloadOf = (row: Row) => JSON.parse(row.payload) as Record<string, any>;

const deliver = (body: unknown) => deliverWebhook(t, body);
const updates = () => t.events.filter((e) => e.name === 'message.updated').map((e) => (e.payload as { change: string; message: { id: string } }));
function bubbleOf(page: string, id: string): string {
  const start = page.indexOf(`id="m-${id}"`);
  return page.slice(start, page.indexOf('</article>', start));
}

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set(Date.UTC(2026, 0, 15, 12));
  addTestChannel(t);
});
afterEach(async () => t.close());

describe('edits', () => {
  test('pywa edited_message__image: the caption of the stored image becomes the new one, marked edited with the old one kept', async () => {
    const edit = peerFixture('pywa--edited_message__image');
    const item = firstItem(edit);
    const originalId = item.edit.original_message_id as string;
    await deliver(messagesEnvelope([{ id: originalId, timestamp: String(Number(item.timestamp) - 60), type: 'image', image: { id: '998877', mime_type: 'image/jpeg', sha256: 'abc', caption: 'Talla M, ¿hay?' } }], { waId: '972987654321' }));
    await deliver(edit);
    await deliver(edit); // a redelivery changes nothing

    const rows = messageRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ type: 'image', content: 'Updated image caption', external_id: originalId });
    const p = payloadOf(rows[0]!);
    expect(p.caption).toBe('Updated image caption');
    expect(p.mediaId).toBe('998877');
    expect(p.edits).toEqual([{ content: 'Talla M, ¿hay?', replacedAt: Number(item.timestamp) * 1000, byExternalId: item.id }]);
    expect(q<{ last_message_preview: string }>('SELECT last_message_preview FROM conversations')[0]!.last_message_preview).toBe('Updated image caption');
    expect(updates()).toEqual([expect.objectContaining({ change: 'content', message: expect.objectContaining({ id: rows[0]!.id, content: 'Updated image caption' }) })]);
    expect(q('SELECT id FROM attachments')).toHaveLength(1); // the edit does not download another file

    const { client } = await t.signIn('agent');
    const bubble = bubbleOf(await (await client.get(`/inbox/c/${rows[0]!.conversation_id}`)).text(), rows[0]!.id);
    expect(bubble).toContain('Updated image caption');
    expect(bubble).toMatch(/class="edited"/);
    expect(bubble).toContain('Talla M, ¿hay?');
    expect(bubble).not.toContain('is not supported');
  });

  test('pywa outgoing_message__edit: a text sent from the WhatsApp Business app and edited there shows the new text', async () => {
    const edit = peerFixture('pywa--outgoing_message__edit');
    const item = firstItem(edit);
    await deliver(echoEnvelope([textMessage(item.edit.original_message_id, 'Llega el jueves', Number(item.timestamp) - 30)], '972987654321'));
    await deliver(edit);
    const rows = messageRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ type: 'text', content: 'Text was edited' });
    expect(payloadOf(rows[0]!)).toMatchObject({ body: 'Text was edited', source: 'business_app', edits: [{ content: 'Llega el jueves' }] });
  });

  test('an edit of a message Turno never stored is kept as a message of its own, marked edited', async () => {
    await deliver(peerFixture('pywa--edited_message__image'));
    const rows = messageRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!).toMatchObject({ type: 'image', content: 'Updated image caption' });
    expect(payloadOf(rows[0]!).editOf).toBe('wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=');
    const { client } = await t.signIn('agent');
    const bubble = bubbleOf(await (await client.get(`/inbox/c/${rows[0]!.conversation_id}`)).text(), rows[0]!.id);
    expect(bubble).toContain('edited orphan');
    expect(bubble).not.toContain('no es compatible');
  });
});

describe('deletions for everyone', () => {
  async function customerDeletes() {
    const revoke = peerFixture('pywa--deleted_message__revoke');
    const item = firstItem(revoke);
    await deliver(messagesEnvelope([textMessage(item.revoke.original_message_id, 'Mi tarjeta es 4111 1111', Number(item.timestamp) - 10)], { waId: '972987654321' }));
    await deliver(revoke);
    await deliver(revoke);
    return messageRows();
  }

  test('pywa deleted_message__revoke: the original is marked deleted, agents see a notice, an admin can still read it (audited)', async () => {
    const rows = await customerDeletes();
    expect(rows).toHaveLength(1);
    const p = payloadOf(rows[0]!);
    expect(p.deleted).toMatchObject({ by: 'contact', contentKept: true, byExternalId: '<WHATSAPP_MESSAGE_ID>', at: 1697043223000 });
    expect(rows[0]!.content).toBe('Mi tarjeta es 4111 1111');
    expect(updates().map((u) => u.change)).toEqual(['content']);

    const agent = (await t.signIn('agent')).client;
    const page = await (await agent.get(`/inbox/c/${rows[0]!.conversation_id}`)).text();
    const bubble = bubbleOf(page, rows[0]!.id);
    expect(bubble).toContain('data-deleted="true"');
    expect(bubble).toContain('El cliente eliminó este mensaje');
    expect(bubble).not.toContain('4111');
    expect((await agent.get(`/inbox/messages/${rows[0]!.id}/deleted-content`)).status).toBe(403);

    const admin = (await t.signIn('admin')).client;
    // The list row says so too, in the reader's language.
    const list = await (await admin.get('/inbox?view=all')).text();
    const start = list.indexOf(`id="conv-${rows[0]!.conversation_id}"`);
    expect(start).toBeGreaterThan(-1);
    const row = list.slice(start, list.indexOf('</li>', start));
    expect(row).toContain('Mensaje eliminado');
    expect(row).not.toContain('4111');
    const kept = await admin.get(`/inbox/messages/${rows[0]!.id}/deleted-content`);
    expect(kept.status).toBe(200);
    expect(await kept.text()).toContain('Mi tarjeta es 4111 1111');
    expect(q('SELECT action FROM audit_log WHERE action = ?', 'message.deleted_content_viewed')).toHaveLength(1);

    // Search: agents no longer find it; admins still do.
    const hits = async (client: typeof agent) => (await (await client.get('/inbox/search?q=tarjeta')).text()).includes(`m-${rows[0]!.id}`);
    expect(await hits(agent)).toBe(false);
    expect(await hits(admin)).toBe(true);
  });

  test('with keepDeletedContent off, the text and the raw JSON are erased', async () => {
    setSetting(t.app.core, 'messages.keepDeletedContent', false, null);
    const rows = await customerDeletes();
    expect(rows[0]!.content).toBe('');
    expect(rows[0]!.raw).toBeNull();
    expect(payloadOf(rows[0]!)).toEqual({ deleted: expect.objectContaining({ contentKept: false }) });
    const admin = (await t.signIn('admin')).client;
    expect((await admin.get(`/inbox/messages/${rows[0]!.id}/deleted-content`)).status).toBe(404);
  });

  test('a deletion of a message Turno never had stores nothing and opens no conversation; a late edit does not undelete', async () => {
    await deliver(peerFixture('pywa--deleted_message__revoke'));
    expect(messageRows()).toEqual([]);
    expect(q('SELECT id FROM conversations')).toEqual([]);
    expect(q<{ status: string }>('SELECT status FROM webhook_events').map((r) => r.status)).toEqual(['processed']);

    const rows = await customerDeletes();
    const edit = peerFixture('pywa--edited_message__image');
    firstItem(edit).edit.original_message_id = rows[0]!.external_id;
    await deliver(edit);
    const [after] = messageRows();
    expect(after!.content).toBe('Mi tarjeta es 4111 1111');
    expect(payloadOf(after!).edits).toBeUndefined();
  });

  test('pywa outgoing_message__delete: a message deleted in the WhatsApp Business app says so', async () => {
    const revoke = peerFixture('pywa--outgoing_message__delete');
    const item = firstItem(revoke);
    await deliver(echoEnvelope([textMessage(item.revoke.original_message_id, 'Precio: 100', Number(item.timestamp) - 30)], '972987654321'));
    await deliver(revoke);
    const rows = messageRows();
    expect(rows).toHaveLength(1);
    expect(payloadOf(rows[0]!).deleted).toMatchObject({ by: 'business' });
    expect(payloadOf(rows[0]!).source).toBe('business_app');
    const { client } = await t.signIn('agent');
    expect(bubbleOf(await (await client.get(`/inbox/c/${rows[0]!.conversation_id}`)).text(), rows[0]!.id)).toContain('Eliminado desde la app WhatsApp Business');
  });
});
