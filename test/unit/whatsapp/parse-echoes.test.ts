import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebhook } from '../../../src/channels/whatsapp/parse-webhook';

const load = () => JSON.parse(readFileSync(join(import.meta.dir, '../../fixtures/whatsapp/smb-message-echoes.json'), 'utf8'));
const echoesOf = (body: unknown) => parseWebhook(body).echoes;
/** The fixture with its first echo replaced by `echo` (same envelope, same field). */
const withEcho = (echo: Record<string, unknown>) => {
  const body = load();
  body.entry[0].changes[0].value.message_echoes = [echo];
  return body;
};

describe('parseWebhook: smb_message_echoes (WhatsApp Business app coexistence)', () => {
  test('every echo becomes an outbound-to-customer item, not an inbound message', () => {
    const out = parseWebhook(load());
    expect(out.messages).toEqual([]);
    expect(out.ignored).toEqual([]);
    expect(out.echoes).toHaveLength(2);
    expect(out.echoes[0]).toMatchObject({
      phoneNumberId: '106540352242922', wabaId: '102290129340398', to: '5215512345678',
      externalId: 'wamid.HBgNNTIxNTUxMjM0NTY3OBUCABEYEkVDSE9URVhUMDAwMDAwMDAA', timestampMs: 1749416450000,
      type: 'text', content: '¡Hola María! Sí, la talla M llega el jueves.', payload: { body: '¡Hola María! Sí, la talla M llega el jueves.' },
    });
    expect(out.echoes[0]!.raw.from).toBe('15550783881');
    expect(out.echoes[0]!.media).toBeUndefined();
  });

  test('media echoes carry the media reference and the quoted wamid like inbound messages', () => {
    const image = echoesOf(load())[1]!;
    expect(image).toMatchObject({ type: 'image', content: 'Así queda en talla M', replyToExternalId: 'wamid.HBgNNTIxNTUxMjM0NTY3OBUCABIYFjNFQjBDMEQ2IMG' });
    expect(image.media).toEqual({ mediaId: '1290438571928374', mimeType: 'image/jpeg', sha256: expect.stringMatching(/^7b3c/), caption: 'Así queda en talla M' });
  });

  test('other types are read by the same per-type reader (location, document)', () => {
    const base = { from: '15550783881', to: '5215512345678', timestamp: '1749416500' };
    expect(echoesOf(withEcho({ ...base, id: 'wamid.LOC', type: 'location', location: { latitude: 19.43, longitude: -99.13, name: 'Tienda Centro' } }))[0])
      .toMatchObject({ type: 'location', content: 'Tienda Centro', payload: { latitude: 19.43, name: 'Tienda Centro' } });
    expect(echoesOf(withEcho({ ...base, id: 'wamid.DOC', type: 'document', document: { id: '88', mime_type: 'application/pdf', filename: 'factura.pdf' } }))[0])
      .toMatchObject({ content: '', media: { mediaId: '88', filename: 'factura.pdf' } });
  });

  test('a business-scoped recipient id is kept when the phone is absent', () => {
    const [echo] = echoesOf(withEcho({ id: 'wamid.BSUID', to_user_id: 'MX.1349', timestamp: '1749416500', type: 'text', text: { body: 'hola' } }));
    expect(echo).toMatchObject({ to: 'MX.1349', userId: 'MX.1349' });
  });

  test('echoes without id or recipient are ignored, the others still parse', () => {
    const body = load();
    body.entry[0].changes[0].value.message_echoes.push({ to: '5215512345678', type: 'text', text: { body: 'sin id' } }, { id: 'wamid.NOTO', type: 'text', text: { body: 'sin destinatario' } });
    const out = parseWebhook(body);
    expect(out.echoes).toHaveLength(2);
    expect(out.ignored).toEqual([
      'entry[0].changes[0].message_echoes[2]: echo without an id',
      'entry[0].changes[0].message_echoes[3]: echo wamid.NOTO has neither to nor to_user_id',
    ]);
  });
});
