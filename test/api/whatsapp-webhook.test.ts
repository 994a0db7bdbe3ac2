import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, messagesEnvelope, postWebhook, statusEnvelope, textMessage, VERIFY_TOKEN } from '../helpers/whatsapp';

let t: TestApp;
const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
beforeEach(async () => {
  t = await createTestApp();
  addTestChannel(t);
});
afterEach(async () => t.close());

describe('webhook handshake', () => {
  test('echoes the challenge for a configured verify token, 403 otherwise', async () => {
    const ok = await t.request(`/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${VERIFY_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await t.request('/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope');
    expect(bad.status).toBe(403);
  });
});

describe('webhook intake', () => {
  test('missing or wrong signature → 401 and nothing stored', async () => {
    const body = messagesEnvelope([textMessage('wamid.A', 'hola', 1749416383)]);
    expect((await postWebhook(t, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(t, body, { secret: 'wrong-secret' })).status).toBe(401);
    expect((await postWebhook(t, body, { signature: 'sha256=00' })).status).toBe(401);
    expect(q('SELECT id FROM webhook_events')).toHaveLength(0);
  });

  test('the raw bytes are stored before answering 200, exactly as received', async () => {
    const raw = '{"object":"whatsapp_business_account",  "entry":[{"id":"1","changes":[]}] , "x":"\\u00e9"}';
    const res = await postWebhook(t, raw);
    expect(res.status).toBe(200);
    const rows = q<{ body: string; status: string }>('SELECT body, status FROM webhook_events');
    expect(rows).toEqual([{ body: raw, status: 'received' }]);
  });

  test('oversized bodies are refused with 413', async () => {
    const small = await createTestApp({ env: { TURNO_WEBHOOK_MAX_BYTES: '1000' } });
    addTestChannel(small);
    const res = await postWebhook(small, 'x'.repeat(2000));
    expect(res.status).toBe(413);
    expect(small.app.core.db.$client.query('SELECT id FROM webhook_events').all()).toHaveLength(0);
    await small.close();
  });

  test('a signed body that cannot be parsed is kept as failed for inspection', async () => {
    await postWebhook(t, '{"object": "whatsapp_business_account", "entry": [');
    await postWebhook(t, { object: 'instagram', entry: [] });
    t.app.ingest.processPending();
    const rows = q<{ status: string; error: string }>('SELECT status, error FROM webhook_events ORDER BY received_at');
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]!.error).toContain('invalid JSON');
  });

  test('an unknown phone_number_id is kept as unroutable', async () => {
    await postWebhook(t, messagesEnvelope([textMessage('wamid.U', 'hola', 1749416383)], { phoneNumberId: '999999999' }));
    t.app.ingest.processPending();
    expect(q<{ status: string }>('SELECT status FROM webhook_events')[0]!.status).toBe('unroutable');
    expect(q('SELECT id FROM messages')).toHaveLength(0);
  });
});

describe('inbound messages', () => {
  test('a redelivered payload is stored once; events fire once', async () => {
    const body = messagesEnvelope([textMessage('wamid.DUP', '¿Tienen envío a Córdoba?', 1749416383)]);
    for (let i = 0; i < 3; i++) expect((await postWebhook(t, body)).status).toBe(200);
    t.app.ingest.processPending();
    await t.app.core.bus.drain();
    expect(q('SELECT id FROM messages')).toHaveLength(1);
    expect(q('SELECT id FROM conversations')).toHaveLength(1);
    expect(t.eventNames().filter((n) => n === 'message.created')).toHaveLength(1);
    expect(q<{ status: string }>('SELECT status FROM webhook_events').map((r) => r.status)).toEqual(['processed', 'processed', 'processed']);
  });

  test('batched entries, changes and messages are all stored, ordered by Meta timestamp', async () => {
    const a = messagesEnvelope([textMessage('wamid.3', 'tercero', 1749416303), textMessage('wamid.1', 'primero', 1749416301)]);
    const b = messagesEnvelope([textMessage('wamid.2', 'segundo', 1749416302)], { waId: '5511987654321', name: 'João' });
    const batched = { object: 'whatsapp_business_account', entry: [...a.entry, ...b.entry] };
    await postWebhook(t, batched);
    t.app.ingest.processPending();
    const rows = q<{ content: string }>('SELECT content FROM messages ORDER BY sent_at');
    expect(rows.map((r) => r.content)).toEqual(['primero', 'segundo', 'tercero']);
    expect(q('SELECT id FROM contacts')).toHaveLength(2);
    const conv = q<{ last_message_preview: string }>("SELECT c.last_message_preview FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.name = 'Lucía Fernández'");
    expect(conv[0]!.last_message_preview).toBe('tercero');
  });

  test('Argentina 549 and 54 forms of the same number map to one contact', async () => {
    await postWebhook(t, messagesEnvelope([textMessage('wamid.AR1', 'hola', 1749416301)], { waId: '5491155551234' }));
    await postWebhook(t, messagesEnvelope([textMessage('wamid.AR2', 'sigo acá', 1749416302)], { waId: '541155551234' }));
    t.app.ingest.processPending();
    expect(q('SELECT id FROM contacts')).toHaveLength(1);
    expect(q('SELECT id FROM conversations')).toHaveLength(1);
  });

  test('reactions attach to the target message and can be removed', async () => {
    await postWebhook(t, messagesEnvelope([textMessage('wamid.T', 'gracias', 1749416301)]));
    t.app.ingest.processPending();
    const react = (id: string, emoji: string) => ({ id, timestamp: '1749416310', type: 'reaction', reaction: { message_id: 'wamid.T', emoji } });
    await postWebhook(t, messagesEnvelope([react('wamid.R1', '👍')]));
    t.app.ingest.processPending();
    expect(q<{ emoji: string; actor: string }>('SELECT emoji, actor FROM message_reactions')).toEqual([{ emoji: '👍', actor: 'contact' }]);
    await postWebhook(t, messagesEnvelope([{ ...react('wamid.R2', ''), timestamp: '1749416320' }]));
    t.app.ingest.processPending();
    expect(q("SELECT emoji FROM message_reactions WHERE emoji != ''")).toHaveLength(0);
    expect(q('SELECT id FROM messages')).toHaveLength(1);
    await postWebhook(t, messagesEnvelope([react('wamid.R1', '👍')]));
    t.app.ingest.processPending();
    expect(q("SELECT emoji FROM message_reactions WHERE emoji != ''")).toHaveLength(0);
  });

  test('media messages queue a download job', async () => {
    await postWebhook(t, messagesEnvelope([{ id: 'wamid.IMG', timestamp: '1749416301', type: 'image', image: { id: '1037543291543636', mime_type: 'image/jpeg', sha256: 'abc', caption: 'Mirá' } }]));
    t.app.ingest.processPending();
    expect(q<{ type: string; content: string }>('SELECT type, content FROM messages')).toEqual([{ type: 'image', content: 'Mirá' }]);
    expect(q<{ status: string; external_media_id: string }>('SELECT status, external_media_id FROM attachments')).toEqual([{ status: 'pending', external_media_id: '1037543291543636' }]);
    expect(q<{ type: string }>("SELECT type FROM jobs WHERE status = 'queued'").map((r) => r.type)).toContain('media.download');
  });
});

describe('delivery statuses', () => {
  async function outboundWithWamid(wamid: string | null) {
    await postWebhook(t, messagesEnvelope([textMessage('wamid.IN', 'hola', Math.floor(t.clock.now() / 1000))]));
    t.app.ingest.processPending();
    const conv = q<{ id: string }>('SELECT id FROM conversations')[0]!;
    const { user } = await t.signIn('agent');
    const { sendMessage } = await import('../../src/core/messages');
    const message = sendMessage(t.app.core, conv.id, { type: 'user', user }, { content: 'Sí, enviamos' });
    if (wamid) {
      const { recordProviderId } = await import('../../src/core/delivery');
      recordProviderId(t.app.core, message.id, wamid, null);
    }
    return message;
  }

  test('statuses only move forward; delivered may be skipped; failed after read is ignored', async () => {
    const m = await outboundWithWamid('wamid.OUT');
    const status = (s: string, ts: number, extra: Record<string, unknown> = {}) => ({ id: 'wamid.OUT', status: s, timestamp: String(ts), recipient_id: '5491155551234', ...extra });
    await postWebhook(t, statusEnvelope([status('read', 1749416400), status('delivered', 1749416390)]));
    t.app.ingest.processPending();
    expect(q<{ status: string }>('SELECT status FROM messages WHERE id = ?', m.id)[0]!.status).toBe('read');
    await postWebhook(t, statusEnvelope([status('failed', 1749416500, { errors: [{ code: 131026, title: 'Message Undeliverable' }] })]));
    t.app.ingest.processPending();
    expect(q<{ status: string }>('SELECT status FROM messages WHERE id = ?', m.id)[0]!.status).toBe('read');
  });

  test('a failed status records the code and a human explanation', async () => {
    const m = await outboundWithWamid('wamid.F');
    await postWebhook(t, statusEnvelope([{ id: 'wamid.F', status: 'failed', timestamp: '1749416401', recipient_id: '5491155551234', errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: 'Message failed to send because more than 24 hours have passed' } }] }]));
    t.app.ingest.processPending();
    const row = q<{ status: string; error_code: number; error_message: string }>('SELECT status, error_code, error_message FROM messages WHERE id = ?', m.id)[0]!;
    expect(row.status).toBe('failed');
    expect(row.error_code).toBe(131047);
    expect(row.error_message).toMatch(/24/);
  });

  test('a status that arrives before the send response is parked and applied later', async () => {
    const m = await outboundWithWamid(null);
    await postWebhook(t, statusEnvelope([{ id: 'wamid.EARLY', status: 'delivered', timestamp: '1749416401', recipient_id: '5491155551234' }]));
    t.app.ingest.processPending();
    expect(q('SELECT id FROM pending_statuses')).toHaveLength(1);
    const { recordProviderId } = await import('../../src/core/delivery');
    recordProviderId(t.app.core, m.id, 'wamid.EARLY', null);
    expect(q<{ status: string }>('SELECT status FROM messages WHERE id = ?', m.id)[0]!.status).toBe('delivered');
    expect(q('SELECT id FROM pending_statuses')).toHaveLength(0);
  });

  test('a status carrying our message id reconciles a send whose answer was lost', async () => {
    const m = await outboundWithWamid(null);
    await postWebhook(t, statusEnvelope([{ id: 'wamid.LOST', status: 'sent', timestamp: '1749416401', recipient_id: '5491155551234', biz_opaque_callback_data: m.id }]));
    t.app.ingest.processPending();
    expect(q<{ external_id: string; status: string }>('SELECT external_id, status FROM messages WHERE id = ?', m.id)[0]).toEqual({ external_id: 'wamid.LOST', status: 'sent' });
  });
});

describe('a channel whose secrets cannot be read', () => {
  test('does not stop the other channels; /readyz says what to do', async () => {
    const { channels } = await import('../../src/db/schema');
    const { encryptSecret } = await import('../../src/lib/crypto');
    const other = addTestChannel(t, 'http://127.0.0.1:9', { phoneNumberId: '222222222', name: 'Restaurada' });
    const wrongKey = Buffer.alloc(32, 9).toString('base64');
    const { eq } = await import('drizzle-orm');
    t.app.core.db.update(channels).set({ secrets: encryptSecret(wrongKey, '{}'), updatedAt: t.clock.now() + 1 }).where(eq(channels.id, other.id)).run();
    const res = await postWebhook(t, messagesEnvelope([textMessage('wamid.OK', 'hola', 1749416383)]));
    expect(res.status).toBe(200);
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toContain('Restaurada');
  });
});

describe('template status updates', () => {
  test('apply to the templates of the channel with that WABA only; REINSTATED means approved again', async () => {
    const { messageTemplates } = await import('../../src/db/schema');
    const other = addTestChannel(t, 'http://127.0.0.1:9', { phoneNumberId: '555555555' });
    const { channels } = await import('../../src/db/schema');
    const { eq } = await import('drizzle-orm');
    t.app.core.db.update(channels).set({ config: { ...(other.config as object), wabaId: '999999' } }).where(eq(channels.id, other.id)).run();
    const mine = q<{ id: string }>("SELECT id FROM channels WHERE external_id = '106540352242922'")[0]!.id;
    for (const channelId of [mine, other.id]) {
      t.app.core.db.insert(messageTemplates).values({ id: `tpl-${channelId}`, channelId, name: 'order_update', language: 'es', status: 'APPROVED', components: [], syncedAt: 0 }).run();
    }
    const update = (event: string) => ({ object: 'whatsapp_business_account', entry: [{ id: '102290129340398', changes: [{ field: 'message_template_status_update', value: { event, message_template_id: 1, message_template_name: 'order_update', message_template_language: 'es', reason: 'NONE' } }] }] });
    await postWebhook(t, update('PAUSED'));
    t.app.ingest.processPending();
    expect(q<{ channel_id: string; status: string }>('SELECT channel_id, status FROM message_templates ORDER BY channel_id').map((r) => r.channel_id === mine ? r.status : `other:${r.status}`).sort()).toEqual(['PAUSED', 'other:APPROVED']);
    await postWebhook(t, update('REINSTATED'));
    t.app.ingest.processPending();
    expect(q<{ status: string }>(`SELECT status FROM message_templates WHERE channel_id = '${mine}'`)[0]!.status).toBe('APPROVED');
  });
});

describe('a body signed for one Meta app', () => {
  test('cannot touch the channels of another app; channels sharing the app secret are fine', async () => {
    const { createWhatsAppChannel } = await import('../../src/core/channels');
    createWhatsAppChannel(t.app.core, { name: 'Otra app', phoneNumberId: '888888888', wabaId: '777777', accessToken: 'EAAG-other-token', appSecret: 'other-app-secret', verifyToken: 'verify-other' }, null);
    addTestChannel(t, 'http://127.0.0.1:9', { phoneNumberId: '999999990', name: 'Misma app' });
    await postWebhook(t, messagesEnvelope([textMessage('wamid.X1', 'inyectado', 1749416383)], { phoneNumberId: '888888888' }));
    await postWebhook(t, messagesEnvelope([textMessage('wamid.X2', 'legítimo', 1749416384)], { phoneNumberId: '999999990' }));
    t.app.ingest.processPending();
    expect(q<{ content: string }>('SELECT content FROM messages').map((m) => m.content)).toEqual(['legítimo']);
    const events = q<{ status: string; error: string | null }>('SELECT status, error FROM webhook_events ORDER BY received_at, id');
    expect(events.map((e) => e.status).sort()).toEqual(['processed', 'unroutable']);
    expect(events.find((e) => e.status === 'unroutable')!.error).toContain('another Meta app');
  });
});

describe('an event that cannot be applied because of a passing problem', () => {
  test('stays queued and is retried until it applies', async () => {
    const original = t.app.core.db.$client.transaction.bind(t.app.core.db.$client);
    let failures = 0;
    expect((await postWebhook(t, messagesEnvelope([textMessage('wamid.BUSY', 'reintento', 1749416383)]))).status).toBe(200);
    (t.app.core.db.$client as any).transaction = (fn: () => unknown) => {
      const tx = original(fn) as any;
      return Object.assign((...a: unknown[]) => tx(...a), { immediate: (...a: unknown[]) => {
        if (failures++ < 2) throw new Error('SQLITE_BUSY: database is locked');
        return tx.immediate(...a);
      } });
    };
    expect(() => t.app.ingest.processPending()).toThrow('will be retried');
    expect(q<{ status: string }>('SELECT status FROM webhook_events')[0]!.status).toBe('received');
    expect(() => t.app.ingest.processPending()).toThrow('will be retried');
    t.app.ingest.processPending();
    (t.app.core.db.$client as any).transaction = original;
    expect(q<{ status: string }>('SELECT status FROM webhook_events')[0]!.status).toBe('processed');
    expect(q('SELECT id FROM messages')).toHaveLength(1);
  });

  test('an event that keeps failing is set aside as failed after three tries, without blocking the next ones', async () => {
    expect((await postWebhook(t, messagesEnvelope([textMessage('wamid.STUCK', 'atascado', 1749416383)]))).status).toBe(200);
    const original = t.app.core.db.$client.transaction.bind(t.app.core.db.$client);
    (t.app.core.db.$client as any).transaction = (fn: () => unknown) => {
      const tx = original(fn) as any;
      return Object.assign((...a: unknown[]) => tx(...a), { immediate: () => { throw new Error('disk I/O error'); } });
    };
    expect(() => t.app.ingest.processPending()).toThrow('will be retried');
    expect(() => t.app.ingest.processPending()).toThrow('will be retried');
    t.app.ingest.processPending();
    (t.app.core.db.$client as any).transaction = original;
    expect(q<{ status: string; error: string }>('SELECT status, error FROM webhook_events')[0]).toEqual({ status: 'failed', error: 'disk I/O error' });
  });
});
