import { afterEach, beforeEach, describe, expect, test } from 'bun:test';
import { eq } from 'drizzle-orm';
import { updateWhatsAppChannel } from '../../src/core/channels';
import { storeUpload } from '../../src/core/media-store';
import { sendMessage, type SendMessageInput } from '../../src/core/messages';
import type { Channel, PublicUser } from '../../src/core/types';
import { channels, jobs, messages } from '../../src/db/schema';
import { failJob } from '../../src/core/jobs';
import { RECONCILE_MS } from '../../src/jobs/handlers/send-message';
import { startGraphSimulator, type GraphSimulator } from '../../src/simulator/graph-simulator';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { addTestChannel, APP_SECRET, PHONE_NUMBER_ID, WABA_ID } from '../helpers/whatsapp';

const CUSTOMER = '5491155551234';
let t: TestApp;
let sim: GraphSimulator;
let channel: Channel;
let agent: PublicUser;
let conversationId: string;

const q = <T>(sql: string, ...params: any[]) => t.app.core.db.$client.query(sql).all(...params) as T[];
const message = (id: string) => t.app.core.db.select().from(messages).where(eq(messages.id, id)).get()!;
const send = (input: SendMessageInput) => sendMessage(t.app.core, conversationId, { type: 'user', user: agent }, input);
const run = () => t.app.jobs.runDue();
async function syncTemplatesNow() {
  const { scheduleTemplateSync } = await import('../../src/jobs/handlers/templates-sync');
  scheduleTemplateSync(t.app.core, channel.id);
  await run();
}

beforeEach(async () => {
  t = await createTestApp({ env: { TURNO_GRAPH_TIMEOUT_MS: '300' } });
  const port = t.app.listen(0);
  sim = await startGraphSimulator({
    appSecret: APP_SECRET, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, accessToken: 'EAAG-test-access-token',
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`, statusDelays: false, templatePageSize: 2,
  });
  channel = addTestChannel(t, sim.url);
  agent = (await t.signIn('agent')).user;
  await sim.sendInbound({ id: 'wamid.FIRST', type: 'text', text: { body: 'Hola, ¿tienen stock?' }, timestamp: String(Math.floor(t.clock.now() / 1000)) }, CUSTOMER);
  t.app.ingest.processPending();
  conversationId = q<{ id: string }>('SELECT id FROM conversations')[0]!.id;
});
afterEach(async () => {
  await sim.stop();
  await t.close();
});


test('a send job that dies outside the handler\'s own failure path still leaves its message failed, not queued', async () => {
  const m = send({ content: 'hola' });
  const job = t.app.core.db.select().from(jobs).where(eq(jobs.uniqueKey, `send:${m.id}`)).get()!;
  expect(failJob(t.app.core, { ...job, attempts: job.maxAttempts }, 'database is locked')).toBe('dead');
  await t.app.core.bus.drain();
  expect(message(m.id)).toMatchObject({ status: 'failed', errorMessage: 'Could not be sent: database is locked' });
});

describe('outbound wire format (checked by the simulator)', () => {
  test('text with a link: preview_url, quoted reply context and our id as callback data', async () => {
    const inbound = q<{ id: string; external_id: string }>("SELECT id, external_id FROM messages WHERE direction = 'inbound'")[0]!;
    const m = send({ content: 'Sí, mirá https://tienda.example/p/1', replyTo: inbound.id });
    await run();
    expect(sim.sent).toHaveLength(1);
    expect(sim.sent[0]!.body).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, context: { message_id: inbound.external_id },
      type: 'text', text: { body: 'Sí, mirá https://tienda.example/p/1', preview_url: true }, biz_opaque_callback_data: m.id,
    });
    expect(message(m.id)).toMatchObject({ status: 'sent', externalId: sim.sent[0]!.wamid, sendAttemptedAt: null });
  });

  test('image and document: uploaded first, then sent by media id with caption / filename', async () => {
    const img = storeUpload(t.app.core, { bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]), mimeType: 'image/jpeg', filename: 'foto.jpg' }, agent.id);
    send({ content: 'Te paso la foto', attachmentIds: [img.id] });
    const pdf = storeUpload(t.app.core, { bytes: new TextEncoder().encode('%PDF-1.4 factura'), mimeType: 'application/pdf', filename: 'factura-123.pdf' }, agent.id);
    send({ content: '', attachmentIds: [pdf.id] });
    await run();
    expect(sim.uploads).toHaveLength(2);
    const [imageSend, docSend] = sim.sent.map((s) => s.body);
    expect(imageSend).toMatchObject({ type: 'image', image: { id: sim.uploads[0]!.id, caption: 'Te paso la foto' } });
    expect(docSend).toMatchObject({ type: 'document', document: { id: sim.uploads[1]!.id, filename: 'factura-123.pdf' } });
  });

  test('template and interactive buttons', async () => {
    await syncTemplatesNow();
    send({ template: { name: 'order_update', language: 'es', body: ['Lucía', '#123'], header: { type: 'image', link: 'https://cdn.example.com/pedido.png' }, buttons: [{ subType: 'quick_reply', index: 0, payload: 'TRACK_123' }] } });
    send({ interactive: { kind: 'buttons', body: '¿Reprogramamos?', buttons: [{ id: 'yes', title: 'Sí' }, { id: 'no', title: 'No' }] } });
    await run();
    expect(sim.sent[0]!.body).toMatchObject({
      type: 'template',
      template: { name: 'order_update', language: { code: 'es' }, components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/pedido.png' } }] },
        { type: 'body', parameters: [{ type: 'text', text: 'Lucía' }, { type: 'text', text: '#123' }] },
        { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK_123' }] },
      ] },
    });
    expect(sim.sent[1]!.body).toMatchObject({ type: 'interactive', interactive: { type: 'button', body: { text: '¿Reprogramamos?' } } });
  });

  test('mark-as-read and reactions', async () => {
    const inbound = q<{ id: string; external_id: string }>("SELECT id, external_id FROM messages WHERE direction = 'inbound'")[0]!;
    const { enqueueJob } = await import('../../src/core/jobs');
    enqueueJob(t.app.core, 'message.mark_read', { conversationId });
    enqueueJob(t.app.core, 'message.react', { messageId: inbound.id, emoji: '❤️', userId: agent.id });
    await run();
    expect(sim.reads[0]).toMatchObject({ messaging_product: 'whatsapp', status: 'read', message_id: inbound.external_id });
    expect(sim.sent[0]!.body).toMatchObject({ type: 'reaction', reaction: { message_id: inbound.external_id, emoji: '❤️' } });
    expect(q<{ status: string }>("SELECT status FROM messages WHERE direction = 'inbound'")[0]!.status).toBe('read');
  });
});

describe('retry / no-retry table', () => {
  for (const [label, rule] of [
    ['HTTP 503', { mode: 'http', httpStatus: 503 }],
    ['130429 throughput limit', { code: 130429 }],
    ['131056 pair rate limit', { code: 131056 }],
    ['131000 generic error', { code: 131000 }],
    ['connection reset', { mode: 'reset' }],
  ] as const) {
    test(`${label} is retried with backoff and sent once`, async () => {
      sim.setFailure({ ...rule, times: 1 } as never);
      const m = send({ content: 'reintento' });
      await run();
      expect(message(m.id).status).toBe('queued');
      const job = q<{ status: string; run_at: number; last_error: string }>("SELECT status, run_at, last_error FROM jobs WHERE type = 'message.send'")[0]!;
      expect(job.status).toBe('queued');
      expect(job.run_at).toBeGreaterThan(t.clock.now());
      t.clock.advance(16 * 60_000);
      await run();
      expect(message(m.id).status).toBe('sent');
      expect(sim.sent.filter((s) => s.body.biz_opaque_callback_data === m.id)).toHaveLength(1);
    });
  }

  for (const code of [100, 131026, 131047, 132001]) {
    test(`${code} fails the message at once with an explanation (no retry)`, async () => {
      sim.setFailure({ code, times: 1 });
      const m = send({ content: 'no reintentar' });
      await run();
      const row = message(m.id);
      expect(row.status).toBe('failed');
      expect(row.errorCode).toBe(code);
      expect(row.errorMessage).toContain(String(code));
      t.clock.advance(60 * 60_000);
      await run();
      expect(sim.sent).toHaveLength(0);
    });
  }

  test('190 marks the channel for re-authorisation and holds sends until the token is replaced', async () => {
    sim.setAccessToken('EAAG-rotated-token');
    const m = send({ content: 'token vencido' });
    await run();
    const ch = () => t.app.core.db.select().from(channels).where(eq(channels.id, channel.id)).get()!;
    expect(ch().status).toBe('needs_reauth');
    expect(message(m.id).status).toBe('queued');
    expect(t.eventNames()).toContain('channel.status');
    t.clock.advance(10 * 60_000);
    await run();
    expect(message(m.id).status).toBe('queued');
    updateWhatsAppChannel(t.app.core, channel.id, { accessToken: 'EAAG-rotated-token' }, null);
    expect(ch().status).toBe('active');
    t.clock.advance(2 * 60_000);
    await run();
    expect(message(m.id).status).toBe('sent');
    expect(sim.sent).toHaveLength(1);
  });

  test('368 pauses the channel', async () => {
    sim.setFailure({ code: 368, times: 1 });
    const m = send({ content: 'bloqueado' });
    await run();
    expect(t.app.core.db.select().from(channels).where(eq(channels.id, channel.id)).get()!.status).toBe('paused');
    expect(message(m.id).status).toBe('queued');
  });

  test('a time-out leaves the outcome unknown: the retry waits for reconciliation, then sends once more', async () => {
    sim.setFailure({ mode: 'timeout', times: 1, hangMs: 1500 });
    const m = send({ content: 'quizás enviado' });
    await run();
    expect(message(m.id).sendAttemptedAt).not.toBeNull();
    t.clock.advance(RECONCILE_MS / 2);
    await run();
    expect(sim.sent).toHaveLength(0);
    t.clock.advance(RECONCILE_MS);
    await run();
    expect(message(m.id).status).toBe('sent');
    expect(sim.sent).toHaveLength(1);
  });

  test('a status carrying our id during the reconcile window prevents the resend', async () => {
    sim.setFailure({ mode: 'timeout', times: 1, hangMs: 1500 });
    const m = send({ content: 'enviado pero sin respuesta' });
    await run();
    await sim.emitStatus('wamid.RECONCILED', 'delivered', undefined, { recipientId: CUSTOMER, bizOpaque: m.id });
    t.app.ingest.processPending();
    t.clock.advance(RECONCILE_MS * 2);
    await run();
    expect(message(m.id)).toMatchObject({ externalId: 'wamid.RECONCILED', status: 'delivered' });
    expect(sim.sent).toHaveLength(0);
  });
});

describe('24-hour window', () => {
  test('free-form is refused with 422 over the API once the window closed; templates still go', async () => {
    const { createApiToken } = await import('../../src/core/auth');
    const { token } = createApiToken(t.app.core, agent.id, 'test', null);
    t.clock.advance(25 * 3600_000);
    const post = (body: unknown) => t.request(`/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const refused = await post({ content: 'hola de nuevo' });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toContain('24-hour window');
    await syncTemplatesNow();
    const note = await post({ content: 'nota interna', private: true });
    expect(note.status).toBe(201);
    const template = await post({ template: { name: 'reengage_customer', language: 'es', body: ['Lucía'] } });
    expect(template.status).toBe(201);
  });
});

describe('media download and templates', () => {
  test('inbound image is downloaded with the bearer token, checked and stored content-addressed', async () => {
    await sim.sendInbound('image', CUSTOMER);
    t.app.ingest.processPending();
    await run();
    const att = q<{ status: string; storage_key: string; size: number }>("SELECT status, storage_key, size FROM attachments")[0]!;
    expect(att.status).toBe('stored');
    expect(att.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(att.size).toBeGreaterThan(100);
  });

  test('a sha256 mismatch is never stored: retried, then failed with the reason', async () => {
    await sim.sendInbound('image', CUSTOMER, { wrongSha: true });
    t.app.ingest.processPending();
    for (let i = 0; i < 9; i++) {
      await run();
      t.clock.advance(16 * 60_000);
    }
    const att = q<{ status: string; storage_key: string | null; error: string }>('SELECT status, storage_key, error FROM attachments')[0]!;
    expect(att.storage_key).toBeNull();
    expect(att.error).toContain('sha256');
    expect(q<{ status: string }>("SELECT status FROM jobs WHERE type = 'media.download'")[0]!.status).toBe('dead');
  });

  test('an expired download URL is retried with a fresh one', async () => {
    sim.setFailure({ endpoint: 'media-download', mode: 'expired', times: 1 });
    await sim.sendInbound('document', CUSTOMER);
    t.app.ingest.processPending();
    await run();
    expect(q<{ status: string }>('SELECT status FROM attachments')[0]!.status).toBe('pending');
    t.clock.advance(16 * 60_000);
    await run();
    expect(q<{ status: string }>('SELECT status FROM attachments')[0]!.status).toBe('stored');
  });

  test('template sync follows every page', async () => {
    const { scheduleTemplateSync } = await import('../../src/jobs/handlers/templates-sync');
    scheduleTemplateSync(t.app.core, channel.id);
    await run();
    const rows = q<{ name: string; status: string }>('SELECT name, status FROM message_templates ORDER BY name, language');
    expect(rows.length).toBeGreaterThan(6);
    expect(rows.find((r) => r.name === 'promo_black_friday')?.status).toBe('PENDING');
    expect(rows.filter((r) => r.name === 'order_update')).toHaveLength(2);
    expect(q("SELECT id FROM jobs WHERE type = 'channel.templates_sync' AND status = 'queued'")).toHaveLength(1);
  });
});

describe('review fixes', () => {
  test('a message that failed after Meta accepted it is sent again as a new provider message on retry', async () => {
    const m = send({ content: 'primer intento' });
    await run();
    const first = message(m.id).externalId!;
    await sim.emitStatus(first, 'failed', 131026, { recipientId: CUSTOMER, bizOpaque: m.id });
    t.app.ingest.processPending();
    expect(message(m.id).status).toBe('failed');
    const { retryFailedMessage } = await import('../../src/core/message-actions');
    retryFailedMessage(t.app.core, m.id, { type: 'user', user: agent });
    await run();
    const row = message(m.id);
    expect(row.status).toBe('sent');
    expect(row.externalId).not.toBe(first);
    expect(row.payload).toMatchObject({ previousExternalIds: [first] });
    expect(sim.sent.filter((s) => s.body.biz_opaque_callback_data === m.id)).toHaveLength(2);
  });

  test('a free-form message still queued when the window closes fails with 131047 instead of going out', async () => {
    sim.setFailure({ mode: 'http', httpStatus: 503, times: 1 });
    const m = send({ content: 'llega tarde' });
    await run();
    t.clock.advance(25 * 3600_000);
    await run();
    expect(message(m.id)).toMatchObject({ status: 'failed', errorCode: 131047 });
    expect(sim.sent).toHaveLength(0);
  });

  test('a send that keeps failing is marked failed on its last attempt, and the admin retry sends it again', async () => {
    sim.setFailure({ mode: 'http', httpStatus: 503, times: 8 });
    const m = send({ content: 'servidor caído' });
    for (let i = 0; i < 8; i++) {
      await run();
      t.clock.advance(16 * 60_000);
    }
    expect(message(m.id).status).toBe('failed');
    expect(message(m.id).errorMessage).toContain('after 8 attempts');
    const dead = q<{ id: string }>("SELECT id FROM jobs WHERE type = 'message.send' AND status = 'dead'")[0]!;
    const { retryDeadJobAsAdmin } = await import('../../src/core/job-retry');
    t.clock.set(t.clock.now());
    await sim.sendInbound({ id: 'wamid.AGAIN', type: 'text', text: { body: 'sigo acá' }, timestamp: String(Math.floor(t.clock.now() / 1000)) }, CUSTOMER);
    t.app.ingest.processPending();
    retryDeadJobAsAdmin(t.app.core, dead.id, { type: 'user', user: agent });
    await run();
    expect(message(m.id).status).toBe('sent');
    expect(sim.sent).toHaveLength(1);
  });
});

describe('attachments', () => {
  test('several files become one message each; the text rides on the first; audio gets its text separately', async () => {
    const up = (bytes: number[], mimeType: string, filename: string) => storeUpload(t.app.core, { bytes: new Uint8Array(bytes), mimeType, filename }, agent.id).id;
    const first = send({ content: 'Fotos del pedido', attachmentIds: [up([1, 2, 3], 'image/jpeg', 'a.jpg'), up([4, 5, 6], 'image/jpeg', 'b.jpg')] });
    send({ content: 'Escuchá esto', attachmentIds: [up([7, 8, 9], 'audio/ogg', 'nota.ogg')] });
    await run();
    expect(sim.sent.map((s) => s.body.type)).toEqual(['image', 'image', 'text', 'audio']);
    expect(sim.sent[0]!.body).toMatchObject({ image: { caption: 'Fotos del pedido' } });
    expect((sim.sent[1]!.body.image as Record<string, unknown>).caption).toBeUndefined();
    expect(sim.sent[2]!.body).toMatchObject({ text: { body: 'Escuchá esto' } });
    expect(first.type).toBe('image');
  });

  test('files of other people or already sent cannot be attached', async () => {
    const other = (await t.signIn('agent')).user;
    const theirs = storeUpload(t.app.core, { bytes: new Uint8Array([1]), mimeType: 'image/png', filename: 'x.png' }, other.id);
    expect(() => send({ content: '', attachmentIds: [theirs.id] })).toThrow('attach it again');
    const mine = storeUpload(t.app.core, { bytes: new Uint8Array([2]), mimeType: 'image/png', filename: 'y.png' }, agent.id);
    send({ content: '', attachmentIds: [mine.id] });
    expect(() => send({ content: '', attachmentIds: [mine.id] })).toThrow('attach it again');
  });
});

describe('template header files', () => {
  test('only the sender\'s own unsent upload can be a template header; it is uploaded and shown with the message', async () => {
    await syncTemplatesNow();
    const other = (await t.signIn('agent')).user;
    const theirs = storeUpload(t.app.core, { bytes: new Uint8Array([1, 2]), mimeType: 'image/jpeg', filename: 'x.jpg' }, other.id);
    const template = (attachmentId: string) => ({ name: 'order_update', language: 'es', body: ['Lucía', '#9'], header: { type: 'image' as const, attachmentId } });
    expect(() => send({ template: template(theirs.id) })).toThrow('attach it again');
    const mine = storeUpload(t.app.core, { bytes: new Uint8Array([3, 4]), mimeType: 'image/jpeg', filename: 'h.jpg' }, agent.id);
    const m = send({ template: template(mine.id) });
    await run();
    expect(q<{ message_id: string }>('SELECT message_id FROM attachments WHERE id = ?', mine.id)[0]!.message_id).toBe(m.id);
    const components = (sim.sent[0]!.body.template as { components: unknown[] }).components;
    expect(components[0]).toEqual({ type: 'header', parameters: [{ type: 'image', image: { id: sim.uploads[0]!.id } }] });
  });
});
