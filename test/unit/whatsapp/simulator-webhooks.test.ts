import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'bun:test';
import { createGraphClient } from '../../../src/channels/whatsapp/graph-client';
import { parseWebhook } from '../../../src/channels/whatsapp/parse-webhook';
import { buildText } from '../../../src/channels/whatsapp/outbound';
import { sha256Matches } from '../../../src/channels/whatsapp/media-bytes';
import { verifyHandshake, verifySignature } from '../../../src/channels/whatsapp/signature';
import type { ParsedWebhook } from '../../../src/channels/whatsapp/types';
import { type GraphSimulator, INBOUND_KINDS, startGraphSimulator } from '../../../src/simulator/graph-simulator';

const IDS = { phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'tok', appSecret: 'app-secret' };
let received: { verified: boolean; parsed: ParsedWebhook }[] = [];
let inbox: ReturnType<typeof Bun.serve>;
let sim: GraphSimulator;

beforeAll(async () => {
  inbox = Bun.serve({
    hostname: '127.0.0.1', port: 0,
    async fetch(req) {
      if (req.method === 'GET') {
        const challenge = verifyHandshake(new URL(req.url).searchParams, 'verify-me');
        return challenge === null ? new Response('forbidden', { status: 403 }) : new Response(challenge);
      }
      const raw = new Uint8Array(await req.arrayBuffer());
      const verified = verifySignature(raw, req.headers.get('x-hub-signature-256'), IDS.appSecret);
      received.push({ verified, parsed: parseWebhook(JSON.parse(new TextDecoder().decode(raw))) });
      return new Response('EVENT_RECEIVED');
    },
  });
  sim = await startGraphSimulator({ ...IDS, webhookUrl: `http://127.0.0.1:${inbox.port}/webhooks/whatsapp`, statusDelays: { sent: 1, delivered: 2, read: 3 } });
});
afterAll(async () => {
  await sim.stop();
  inbox.stop(true);
});
beforeEach(() => {
  received = [];
});

const lastMessage = () => received.at(-1)!.parsed.messages[0]!;

describe('simulator webhooks', () => {
  test.each([...INBOUND_KINDS])('inbound %s is signed, parses, and keeps its wamid', async (kind) => {
    const wamid = await sim.sendInbound(kind, '5511987654321');
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toBe(true);
    const m = lastMessage();
    expect(m).toMatchObject({ externalId: wamid, from: '5511987654321', phoneNumberId: IDS.phoneNumberId, wabaId: IDS.wabaId, profileName: 'João Pedro Silva' });
    // content is customer text only ('' for a voice note or a flow answer); the payload carries the rest.
    expect(m.content.length + Object.keys(m.payload).length).toBeGreaterThan(0);
    const expectedType: Record<string, string> = {
      voice: 'audio', button_reply: 'interactive', list_reply: 'interactive', nfm_reply: 'interactive', referral: 'text', unknown_future: 'hologram',
      call_permission_reply: 'interactive', interactive_unknown: 'interactive', interactive_missing: 'interactive', product_inquiry: 'text', user_changed_number: 'system',
    };
    expect(m.type).toBe(expectedType[kind] ?? kind);
  });

  test('inbound media downloads through the two-step flow with a correct sha256', async () => {
    await sim.sendInbound('voice', '5215512345678');
    const m = lastMessage();
    expect(m.media).toMatchObject({ voice: true, mimeType: 'audio/ogg; codecs=opus' });
    const client = createGraphClient({ ...IDS, graphUrl: sim.url, version: 'v23.0' });
    const info = await client.getMediaInfo(m.media!.mediaId);
    const d = await client.downloadMedia(info.url);
    expect(sha256Matches(d.bytes, m.media!.sha256)).toBe(true);
  });

  test('wrongSha announces a sha256 that does not match', async () => {
    await sim.sendInbound('image', '5215512345678', { wrongSha: true });
    const m = lastMessage();
    const client = createGraphClient({ ...IDS, graphUrl: sim.url, version: 'v23.0' });
    const d = await client.downloadMedia((await client.getMediaInfo(m.media!.mediaId)).url);
    expect(sha256Matches(d.bytes, m.media!.sha256)).toBe(false);
  });

  test('options: reply context, forwarded, user id only, fixed wamid (duplicates)', async () => {
    await sim.sendInbound('text', '5215512345678', { replyTo: 'wamid.MINE', forwarded: true, text: 'hola' });
    expect(lastMessage()).toMatchObject({ replyToExternalId: 'wamid.MINE', forwarded: true, content: 'hola' });
    await sim.sendInbound('text', '5215512345678', { userIdOnly: true });
    expect(lastMessage().userId).toMatch(/^MX\./);
    expect(lastMessage().from).toBe(lastMessage().userId!);
    const a = await sim.sendInbound('text', '5215512345678', { wamid: 'wamid.DUP' });
    const b = await sim.sendInbound('text', '5215512345678', { wamid: 'wamid.DUP' });
    expect(a).toBe(b);
  });

  test('a ready message object is wrapped in the envelope', async () => {
    const wamid = await sim.sendInbound({ id: 'wamid.CUSTOM', type: 'text', text: { body: 'custom' } }, '34612345678');
    expect(wamid).toBe('wamid.CUSTOM');
    expect(lastMessage()).toMatchObject({ from: '34612345678', content: 'custom' });
  });

  test.each(['messages', 'changes', 'entries'] as const)('batched payload layout %s', async (layout) => {
    const ids = await sim.sendBatch([{ kind: 'text', from: '5215512345678' }, { kind: 'image', from: '5511987654321' }, { kind: 'location', from: '34612345678' }], layout);
    expect(received).toHaveLength(1);
    expect(received[0]!.parsed.messages.map((m) => m.externalId)).toEqual(ids);
    expect(received[0]!.parsed.messages.map((m) => m.profileName)).toEqual(['María Fernanda López', 'João Pedro Silva', 'Carmen Ruiz Navarro']);
  });

  test('an accepted send is followed by signed sent → delivered → read statuses', async () => {
    const client = createGraphClient({ ...IDS, graphUrl: sim.url, version: 'v23.0' });
    const { wamid } = await client.sendMessage({ ...buildText('5511987654321', 'Oi'), biz_opaque_callback_data: 'msg_42' });
    await sim.idle();
    expect(received.every((r) => r.verified)).toBe(true);
    const statuses = received.flatMap((r) => r.parsed.statuses).filter((s) => s.externalId === wamid);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses[0]).toMatchObject({ recipientId: '5511987654321', bizOpaqueCallbackData: 'msg_42', pricing: { category: 'service' } });
  });

  test('async failure: 200 + wamid, then a failed status with the code', async () => {
    const client = createGraphClient({ ...IDS, graphUrl: sim.url, version: 'v23.0' });
    sim.setFailure({ mode: 'async', code: 131047 });
    const { wamid } = await client.sendMessage(buildText('5511987654321', 'late'));
    await sim.idle();
    const statuses = received.flatMap((r) => r.parsed.statuses).filter((s) => s.externalId === wamid);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 131047 }] });
  });

  test('emitStatus and emitTemplateStatus', async () => {
    await sim.emitStatus('wamid.X', 'failed', 131026, { recipientId: '5215512345678' });
    expect(received.at(-1)!.parsed.statuses[0]).toMatchObject({ externalId: 'wamid.X', status: 'failed', errors: [{ code: 131026 }] });
    await sim.emitTemplateStatus('promo_black_friday', 'es', 'APPROVED');
    expect(received.at(-1)!.parsed.templateUpdates[0]).toMatchObject({ event: 'APPROVED', name: 'promo_black_friday', language: 'es' });
    expect(sim.templates.list().find((t) => t.name === 'promo_black_friday')!.status).toBe('APPROVED');
  });

  test('webhooks signed with the wrong secret do not verify', async () => {
    const bad = await startGraphSimulator({ ...IDS, webhookUrl: `http://127.0.0.1:${inbox.port}/`, badSignature: true, statusDelays: false });
    await bad.sendInbound('text');
    await bad.stop();
    expect(received.at(-1)!.verified).toBe(false);
  });

  test('GET handshake: the simulator checks the challenge echo', async () => {
    expect(await sim.verifyWebhook('verify-me')).toBe(true);
    expect(await sim.verifyWebhook('wrong')).toBe(false);
  });

  test('deliveries are recorded with the exact signed bytes', async () => {
    await sim.sendInbound('reaction', '5215512345678', { replyTo: 'wamid.MINE', text: '🙏' });
    const d = sim.webhooks.at(-1)!;
    expect(d.status).toBe(200);
    expect(verifySignature(d.raw, d.signature, IDS.appSecret)).toBe(true);
    expect(lastMessage().payload).toEqual({ targetExternalId: 'wamid.MINE', emoji: '🙏', removed: false });
  });
});
