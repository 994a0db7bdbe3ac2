import { describe, expect, test } from 'bun:test';
import { createHmac } from 'node:crypto';
import { signBody, verifyHandshake, verifySignature } from '../../../src/channels/whatsapp/signature';

const secret = 'app-secret-123';
const raw = '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}],"emoji":"\\u00e9"}';

describe('signature', () => {
  test('signBody is sha256= + hex HMAC of the raw bytes', () => {
    expect(signBody(raw, secret)).toBe(`sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`);
  });

  test('verifies strings and bytes alike', () => {
    const header = signBody(raw, secret);
    expect(verifySignature(raw, header, secret)).toBe(true);
    expect(verifySignature(new TextEncoder().encode(raw), header, secret)).toBe(true);
    expect(verifySignature(raw, header.toUpperCase().replace('SHA256=', 'sha256='), secret)).toBe(true);
  });

  test('re-serialised JSON does not verify (sign the raw bytes)', () => {
    const header = signBody(raw, secret);
    expect(verifySignature(JSON.stringify(JSON.parse(raw)), header, secret)).toBe(false);
  });

  test('rejects wrong secret, missing, malformed and truncated headers', () => {
    const header = signBody(raw, secret);
    expect(verifySignature(raw, header, 'other')).toBe(false);
    expect(verifySignature(raw, null, secret)).toBe(false);
    expect(verifySignature(raw, '', secret)).toBe(false);
    expect(verifySignature(raw, header.slice(7), secret)).toBe(false);
    expect(verifySignature(raw, header.slice(0, -2), secret)).toBe(false);
    expect(verifySignature(raw, `sha1=${header.slice(7)}`, secret)).toBe(false);
    expect(verifySignature(raw, 'sha256=zz' + header.slice(9), secret)).toBe(false);
    expect(verifySignature(raw, header, '')).toBe(false);
  });
});

describe('verifyHandshake', () => {
  test('echoes the challenge only for subscribe + matching token', () => {
    expect(verifyHandshake(new URLSearchParams("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=vt"), "vt")).toBe('1158201444');
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'nope' }, 'vt')).toBeNull();
    expect(verifyHandshake({ 'hub.mode': 'unsubscribe', 'hub.challenge': '1', 'hub.verify_token': 'vt' }, 'vt')).toBeNull();
    expect(verifyHandshake({ 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': '' }, '')).toBeNull();
  });
});
