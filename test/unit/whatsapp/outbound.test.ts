import { describe, expect, test } from 'bun:test';
import {
  buildButtons, buildList, buildLocation, buildMarkRead, buildMedia, buildReaction, buildTemplate, buildText,
  OutboundValidationError,
} from '../../../src/channels/whatsapp/outbound';

const TO = '16505551234';
const base = { messaging_product: 'whatsapp' as const, recipient_type: 'individual', to: TO };
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));

describe('text', () => {
  test('plain text has no preview_url', () => {
    expect(buildText(TO, 'Hola')).toEqual({ ...base, type: 'text', text: { body: 'Hola' } });
  });
  test('preview_url is automatic when a URL is present, overridable', () => {
    expect(buildText(TO, 'Hi https://x.co')).toEqual({ ...base, type: 'text', text: { body: 'Hi https://x.co', preview_url: true } });
    expect(buildText(TO, 'see www.example.com')).toMatchObject({ text: { preview_url: true } });
    expect(buildText(TO, 'Hi https://x.co', { previewUrl: false })).toEqual({ ...base, type: 'text', text: { body: 'Hi https://x.co' } });
  });
  test('context and biz_opaque_callback_data', () => {
    expect(buildText(TO, 'ok', { replyTo: 'wamid.B', bizOpaqueCallbackData: 'msg_1' })).toEqual({
      ...base, context: { message_id: 'wamid.B' }, type: 'text', text: { body: 'ok' }, biz_opaque_callback_data: 'msg_1',
    });
  });
  test('limits', () => {
    expect(() => buildText(TO, '')).toThrow(OutboundValidationError);
    expect(() => buildText(TO, '   ')).toThrow(/blank/);
    expect(() => buildText(TO, 'x'.repeat(4097))).toThrow(/4096/);
    expect(buildText(TO, '😀'.repeat(4096)).type).toBe('text');
    expect(() => buildText('not-a-number', 'x')).toThrow(/to/);
  });
});

describe('media', () => {
  test('image by id with caption', () => {
    expect(buildMedia(TO, 'image', { id: '123' }, { caption: 'Invoice' })).toEqual({ ...base, type: 'image', image: { id: '123', caption: 'Invoice' } });
  });
  test('document by link with filename', () => {
    expect(buildMedia(TO, 'document', { link: 'https://cdn/x.pdf' }, { filename: 'x.pdf' })).toEqual({ ...base, type: 'document', document: { link: 'https://cdn/x.pdf', filename: 'x.pdf' } });
  });
  test('video, audio, sticker', () => {
    expect(buildMedia(TO, 'video', { id: 'v' }, { caption: 'c' })).toEqual({ ...base, type: 'video', video: { id: 'v', caption: 'c' } });
    expect(buildMedia(TO, 'audio', { id: 'a' })).toEqual({ ...base, type: 'audio', audio: { id: 'a' } });
    expect(buildMedia(TO, 'sticker', { id: 's' })).toEqual({ ...base, type: 'sticker', sticker: { id: 's' } });
  });
  test('no caption on audio/sticker; filename only on documents; one source', () => {
    expect(() => buildMedia(TO, 'audio', { id: 'a' }, { caption: 'x' })).toThrow(/caption/);
    expect(() => buildMedia(TO, 'sticker', { id: 's' }, { caption: 'x' })).toThrow(/caption/);
    expect(() => buildMedia(TO, 'image', { id: 'i' }, { filename: 'x.jpg' })).toThrow(/filename/);
    expect(() => buildMedia(TO, 'image', {} as { id: string })).toThrow(/media id or a link/);
    expect(() => buildMedia(TO, 'image', { id: 'i', link: 'https://x' } as unknown as { id: string })).toThrow(/not both/);
    expect(() => buildMedia(TO, 'image', { link: 'ftp://x' })).toThrow(/http/);
  });
});

describe('reaction, location, mark-as-read', () => {
  test('reaction and removal', () => {
    expect(buildReaction(TO, 'wamid.B', '👍')).toEqual({ ...base, type: 'reaction', reaction: { message_id: 'wamid.B', emoji: '👍' } });
    expect(buildReaction(TO, 'wamid.B', '')).toEqual({ ...base, type: 'reaction', reaction: { message_id: 'wamid.B', emoji: '' } });
  });
  test('location', () => {
    expect(buildLocation(TO, { latitude: 19.4, longitude: -99.1, name: 'Tienda' })).toEqual({ ...base, type: 'location', location: { latitude: 19.4, longitude: -99.1, name: 'Tienda' } });
    expect(() => buildLocation(TO, { latitude: 91, longitude: 0 })).toThrow(/latitude/);
  });
  test('mark-as-read with and without typing indicator', () => {
    expect(buildMarkRead('wamid.B')).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.B' });
    expect(buildMarkRead('wamid.B', { typing: true })).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.B', typing_indicator: { type: 'text' } });
  });
});

describe('interactive', () => {
  test('reply buttons: exact JSON', () => {
    expect(buildButtons(TO, { body: 'Reschedule?', buttons: [{ id: 'yes', title: 'Yes' }] })).toEqual({
      ...base, type: 'interactive',
      interactive: { type: 'button', body: { text: 'Reschedule?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] } },
    });
  });
  test('buttons with header and footer', () => {
    const b = buildButtons(TO, { body: 'b', header: { type: 'image', id: 'm1' }, footer: 'f', buttons: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] });
    expect(b.interactive).toMatchObject({ header: { type: 'image', image: { id: 'm1' } }, footer: { text: 'f' } });
  });
  test('button limits', () => {
    const four = [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` }));
    expect(() => buildButtons(TO, { body: 'x', buttons: four })).toThrow(/limit is 3/);
    expect(() => buildButtons(TO, { body: 'x', buttons: [] })).toThrow(/at least one/);
    expect(() => buildButtons(TO, { body: 'x', buttons: [{ id: 'a', title: 'x'.repeat(21) }] })).toThrow(/buttons\[0\]\.title.*20/);
    expect(() => buildButtons(TO, { body: 'x', buttons: [{ id: 'i'.repeat(257), title: 'ok' }] })).toThrow(/256/);
    expect(() => buildButtons(TO, { body: 'x'.repeat(1025), buttons: [{ id: 'a', title: 'A' }] })).toThrow(/1024/);
    expect(() => buildButtons(TO, { body: 'x', buttons: [{ id: 'a', title: 'A' }, { id: 'a', title: 'B' }] })).toThrow(/unique/);
  });
  test('list: exact JSON', () => {
    expect(buildList(TO, { body: 'Pick one', button: 'Options', sections: [{ title: 'Shipping', rows: [{ id: 'express', title: 'Express', description: '1-2 days' }] }] })).toEqual({
      ...base, type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pick one' }, action: { button: 'Options', sections: [{ title: 'Shipping', rows: [{ id: 'express', title: 'Express', description: '1-2 days' }] }] } },
    });
  });
  test('list limits', () => {
    const ok = { body: 'b', button: 'Ver' };
    expect(() => buildList(TO, { ...ok, sections: [{ rows: rows(11) }] })).toThrow(/limit is 10/);
    expect(() => buildList(TO, { ...ok, sections: [{ title: 'a', rows: rows(6) }, { title: 'b', rows: rows(5).map((r) => ({ ...r, id: r.id + 'x' })) }] })).toThrow(/10 in total/);
    expect(() => buildList(TO, { ...ok, sections: [{ rows: [{ id: 'a', title: 'x'.repeat(25) }] }] })).toThrow(/24/);
    expect(() => buildList(TO, { ...ok, sections: [{ rows: [{ id: 'a', title: 'a', description: 'x'.repeat(73) }] }] })).toThrow(/72/);
    expect(() => buildList(TO, { ...ok, button: 'x'.repeat(21), sections: [{ rows: rows(1) }] })).toThrow(/20/);
    expect(() => buildList(TO, { ...ok, sections: [{ rows: rows(1) }, { rows: [{ id: 'z', title: 'z' }] }] })).toThrow(/title/);
    expect(() => buildList(TO, { ...ok, sections: Array.from({ length: 11 }, (_, i) => ({ title: `s${i}`, rows: [{ id: `r${i}`, title: 't' }] })) })).toThrow(/sections/);
    expect(() => buildList(TO, { ...ok, sections: [{ rows: [{ id: 'a', title: 'a' }, { id: 'a', title: 'b' }] }] })).toThrow(/unique/);
  });
});

describe('template', () => {
  test('exact JSON with header media, body params and quick-reply button', () => {
    expect(buildTemplate(TO, {
      name: 'order_update', language: 'en_US',
      header: { type: 'image', link: 'https://cdn/h.png' }, body: ['Ana', '#123'],
      buttons: [{ subType: 'quick_reply', index: 0, payload: 'TRACK_123' }],
    })).toEqual({
      ...base, type: 'template',
      template: {
        name: 'order_update', language: { code: 'en_US' }, components: [
          { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn/h.png' } }] },
          { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#123' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK_123' }] },
        ],
      },
    });
  });
  test('no components when there are no parameters; named params; url button', () => {
    expect(buildTemplate(TO, { name: 'hello_world', language: 'en_US' })).toEqual({ ...base, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
    const t = buildTemplate(TO, { name: 'appt', language: 'es', body: [{ name: 'customer', text: 'Ana' }], buttons: [{ subType: 'url', index: 1, text: 'abc' }] });
    expect((t.template as { components: unknown[] }).components).toEqual([
      { type: 'body', parameters: [{ type: 'text', parameter_name: 'customer', text: 'Ana' }] },
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'abc' }] },
    ]);
  });
  test('validation', () => {
    expect(() => buildTemplate(TO, { name: 'Bad Name', language: 'es' })).toThrow(/lowercase/);
    expect(() => buildTemplate(TO, { name: 'ok', language: '' })).toThrow(/language/);
    expect(() => buildTemplate(TO, { name: 'ok', language: 'es', body: ['line\nbreak'] })).toThrow(/new lines/);
    expect(() => buildTemplate(TO, { name: 'ok', language: 'es', header: { type: 'image' } })).toThrow(/media id or link/);
  });
});
