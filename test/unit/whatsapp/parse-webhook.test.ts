import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebhook, WebhookParseError } from '../../../src/channels/whatsapp/parse-webhook';

const DIR = join(import.meta.dir, '../../fixtures/whatsapp');
const load = (name: string) => JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
const one = (name: string) => {
  const out = parseWebhook(load(name));
  expect(out.messages).toHaveLength(1);
  return out.messages[0]!;
};

describe('parseWebhook: every fixture parses without throwing', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    test(file, () => {
      const out = parseWebhook(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      const total = out.messages.length + out.echoes.length + out.statuses.length + out.templateUpdates.length + out.errors.length + out.ignored.length + out.unused.length;
      expect(total).toBeGreaterThan(0);
      for (const m of out.messages) {
        expect(m.phoneNumberId).toBeTruthy();
        expect(m.wabaId).toBeTruthy();
        expect(m.externalId).toStartWith('wamid.');
        expect(typeof m.content).toBe('string');
        expect(m.raw).toBeObject();
      }
    });
  }
});

describe('parseWebhook: message types', () => {
  test('text with routing ids, profile and seconds → ms', () => {
    const m = one('text');
    expect(m).toMatchObject({
      phoneNumberId: '106540352242922', wabaId: '102290129340398', from: '5215512345678',
      profileName: 'María Fernanda López', timestampMs: 1749416383000, type: 'text',
      content: 'Hola, ¿tienen este modelo en talla M?', payload: { body: 'Hola, ¿tienen este modelo en talla M?' },
    });
    expect(m.replyToExternalId).toBeUndefined();
    expect(m.raw.id).toBe(m.externalId);
  });

  test('quote-reply and forwarded flags', () => {
    const m = one('text-reply-forwarded');
    expect(m.replyToExternalId).toBe('wamid.MY_SENT_MSG');
    expect(m.forwarded).toBe(true);
  });

  test('image caption and media', () => {
    const m = one('image');
    expect(m.content).toBe('Así me llegó la caja');
    expect(m.media).toEqual({ mediaId: '1037543291543636', mimeType: 'image/jpeg', sha256: expect.stringMatching(/^29ed/), caption: 'Así me llegó la caja' });
  });

  test('video / audio / voice / document / sticker: content is the caption only, media flags kept', () => {
    expect(one('video')).toMatchObject({ content: '', media: { mediaId: '1182736455463728', mimeType: 'video/mp4' } });
    expect(one('audio-voice')).toMatchObject({ content: '', media: { voice: true, mimeType: 'audio/ogg; codecs=opus' } });
    expect(one('audio')).toMatchObject({ content: '', media: { voice: false } });
    expect(one('document')).toMatchObject({ content: 'Comprobante', media: { filename: 'comprobante-pago.pdf', mimeType: 'application/pdf', caption: 'Comprobante' } });
    expect(one('sticker')).toMatchObject({ content: '', media: { animated: true, mimeType: 'image/webp' } });
  });

  test('location', () => {
    const m = one('location');
    expect(m.content).toBe('Museo Frida Kahlo · Londres 247, Del Carmen, Coyoacán, CDMX');
    expect(m.payload).toEqual({ latitude: 19.3551, longitude: -99.1626, name: 'Museo Frida Kahlo', address: 'Londres 247, Del Carmen, Coyoacán, CDMX', url: 'https://maps.google.com/?q=19.3551,-99.1626' });
  });

  test('contacts cards', () => {
    const m = one('contacts');
    expect(m.content).toBe('Sofía Ramírez');
    const cards = m.payload.contacts as Record<string, unknown>[];
    expect(cards[0]).toMatchObject({ name: 'Sofía Ramírez', phones: [{ phone: '+52 55 8765 4321', waId: '5215587654321', type: 'CELL' }], emails: [{ email: 'sofia.ramirez@example.mx', type: 'WORK' }], urls: ['https://esperanza.example.mx'], birthday: '1990-04-12' });
  });

  test('interactive button_reply / list_reply', () => {
    expect(one('interactive-button-reply')).toMatchObject({ content: 'Change', replyToExternalId: 'wamid.MY_SENT_MSG', payload: { kind: 'button_reply', id: 'change-button', title: 'Change' } });
    expect(one('interactive-list-reply')).toMatchObject({ content: 'Envío express', payload: { kind: 'list_reply', id: 'ship_express', title: 'Envío express', description: '1-2 días hábiles' } });
  });

  test('nfm_reply parses response_json safely', () => {
    expect(one('interactive-nfm-reply').content).toBe('');
    expect(one('interactive-nfm-reply').payload).toMatchObject({ kind: 'nfm_reply', name: 'flow', body: 'Sent', response: { flow_token: 'tok-123', nombre: 'Lucía', personas: 2 } });
    const bad = one('interactive-nfm-reply-bad-json');
    expect(bad.payload.response).toBeNull();
    expect(bad.payload.responseJson).toBe('{not json');
  });

  test('template quick-reply button', () => {
    expect(one('button')).toMatchObject({ type: 'button', content: 'Rastrear', replyToExternalId: 'wamid.MY_TEMPLATE_MSG', payload: { text: 'Rastrear', payload: 'TRACK_4521' } });
  });

  test('reaction and removed reaction', () => {
    expect(one('reaction').payload).toEqual({ targetExternalId: 'wamid.MY_SENT_MSG', emoji: '❤️', removed: false });
    expect(one('reaction-removed').payload).toEqual({ targetExternalId: 'wamid.MY_SENT_MSG', emoji: '', removed: true });
  });

  test('order with totals by currency', () => {
    const m = one('order');
    expect(m.payload).toMatchObject({ catalogId: '1234567890123456', text: 'Lo quiero para el viernes', total: { MXN: 899.3 } });
    expect((m.payload.items as unknown[]).length).toBe(2);
    expect(m.content).toBe('Lo quiero para el viernes');
  });

  test('system customer_changed_number (no contacts array entry)', () => {
    const m = one('system-changed-number');
    expect(m.payload).toEqual({ kind: 'customer_changed_number', body: 'María changed their phone number to a new one.', newWaId: '5215599998888' });
    expect(m.from).toBe('5215512345678');
  });

  test('referral is kept on the message and in the payload', () => {
    const m = one('referral');
    expect(m.referral).toMatchObject({ source_type: 'ad', ctwa_clid: 'ARAkLkA8rmlFeiCktEJQ' });
    expect(m.payload.referral).toEqual(m.referral!);
  });

  test('unsupported keeps its errors', () => {
    const m = one('unsupported');
    expect(m.type).toBe('unsupported');
    expect(m.errors).toEqual([{ code: 131051, title: 'Message type unknown', details: 'Message type is currently not supported.' }]);
    expect(m.payload.errors).toEqual(m.errors);
    expect(m.content).toBe('');
  });

  test('unknown future type is kept with its raw, no English placeholder in content', () => {
    const m = one('unknown-type');
    expect(m.type).toBe('hologram');
    expect(m.content).toBe('');
    expect(m.payload).toEqual({ unknownType: 'hologram' });
    expect(m.raw.hologram).toEqual({ id: 'holo-1', frames: 42 });
    expect(m.raw.future_field).toEqual({ x: 1 });
  });

  test('business-scoped user id without wa_id', () => {
    const m = one('user-id-only');
    expect(m).toMatchObject({ from: 'US.13491208655302741918', userId: 'US.13491208655302741918', profileName: 'Sheena Nelson', username: '@sheena' });
  });
});

describe('parseWebhook: statuses, batches, other fields', () => {
  test('sent status with pricing, conversation and callback data', () => {
    const { statuses } = parseWebhook(load('status-sent'));
    expect(statuses).toEqual([expect.objectContaining({
      phoneNumberId: '106540352242922', externalId: 'wamid.MY_SENT_MSG', status: 'sent', timestampMs: 1749416400000,
      recipientId: '5215512345678', errors: [], bizOpaqueCallbackData: 'msg_0192f3',
      pricing: expect.objectContaining({ pricing_model: 'PMP' }), conversation: expect.objectContaining({ id: '2e88c3d1a6f9b0e4c7d2' }),
    })]);
  });

  test('delivered / read', () => {
    expect(parseWebhook(load('status-delivered')).statuses[0]!.status).toBe('delivered');
    expect(parseWebhook(load('status-read')).statuses[0]!.status).toBe('read');
  });

  test('failed statuses carry code + details', () => {
    expect(parseWebhook(load('status-failed')).statuses[0]).toMatchObject({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message', details: expect.stringContaining('24 hours') }] });
    expect(parseWebhook(load('status-failed-undeliverable')).statuses[0]!.errors[0]!.code).toBe(131026);
  });

  test('multi-message batch keeps order and maps each contact', () => {
    const { messages } = parseWebhook(load('batch-multi-message'));
    expect(messages.map((m) => m.content)).toEqual(['Hola', '¿Están?', 'Oi']);
    expect(messages.map((m) => m.profileName)).toEqual(['María Fernanda López', 'María Fernanda López', 'João Pedro Silva']);
  });

  test('multi-status batch', () => {
    expect(parseWebhook(load('batch-multi-status')).statuses.map((s) => `${s.externalId}:${s.status}`)).toEqual(['wamid.S1:sent', 'wamid.S1:delivered', 'wamid.S2:read']);
  });

  test('multi-entry: every entry and change, each with its own routing ids', () => {
    const out = parseWebhook(load('batch-multi-entry'));
    expect(out.messages.map((m) => [m.wabaId, m.phoneNumberId, m.content])).toEqual([
      ['102290129340398', '106540352242922', 'primero'],
      ['109876543210987', '110000000000001', 'segundo número'],
    ]);
    expect(out.statuses).toHaveLength(1);
  });

  test('template status update', () => {
    expect(parseWebhook(load('template-status-update')).templateUpdates).toEqual([expect.objectContaining({
      wabaId: '102290129340398', event: 'REJECTED', templateId: '594425479261596', name: 'promo_black_friday', language: 'es', reason: 'INCORRECT_CATEGORY',
    })]);
  });

  test('value.errors', () => {
    expect(parseWebhook(load('value-errors')).errors).toEqual([{ code: 131000, title: 'Something went wrong', details: 'Unknown error', phoneNumberId: '106540352242922', wabaId: '102290129340398', href: expect.stringContaining('error-codes') }]);
  });

  test('unhandled fields are reported apart from unreadable items', () => {
    const out = parseWebhook(load('account-update'));
    expect(out.unused).toEqual(['entry[0].changes[0]: field account_update']);
    expect(out.ignored).toEqual([]);
  });

  test('a status value Turno does not know is unused, not unreadable (replaying could never apply it)', () => {
    const body = load('status-delivered');
    body.entry[0].changes[0].value.statuses[0].status = 'teleported';
    const out = parseWebhook(body);
    expect(out.statuses).toEqual([]);
    expect(out.ignored).toEqual([]);
    expect(out.unused[0]).toContain('unknown status "teleported"');
  });

  test('bad items are skipped, not fatal', () => {
    const body = load('text');
    body.entry[0].changes[0].value.messages.push({ type: 'text' }, { id: 'wamid.NOFROM', type: 'text', text: { body: 'x' } });
    body.entry[0].changes[0].value.contacts = [];
    const out = parseWebhook(body);
    expect(out.messages).toHaveLength(1);
    expect(out.ignored).toHaveLength(2);
    expect(out.ignored[0]).toContain('message not readable (id:');
  });

  test('non-envelopes throw WebhookParseError', () => {
    for (const bad of [null, 'x', {}, { object: 'page', entry: [] }, { object: 'whatsapp_business_account' }]) {
      expect(() => parseWebhook(bad)).toThrow(WebhookParseError);
    }
  });
});
