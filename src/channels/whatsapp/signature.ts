/** `X-Hub-Signature-256` verification (HMAC-SHA256 of the raw body, keyed with the App Secret). */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** Returns the header value Meta would send for `raw`: `sha256=<hex hmac>`. */
export function signBody(raw: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(raw).digest('hex');
}

/**
 * True when `header` is `sha256=<hex>` and matches the HMAC of the exact raw bytes. Compares in
 * constant time; false for a missing/malformed header or an empty secret. Never re-serialise the
 * JSON before calling this.
 */
export function verifySignature(rawBody: Uint8Array | string, header: string | null | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return false;
  const hex = value.slice(PREFIX.length).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/**
 * Webhook verification handshake (`GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…`).
 * Returns the challenge to answer with 200 (raw body) when mode is `subscribe` and the token
 * matches in constant time; null means answer 403.
 */
export function verifyHandshake(params: URLSearchParams | Record<string, string | undefined>, verifyToken: string): string | null {
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : params[k]) ?? '';
  const token = get('hub.verify_token');
  if (get('hub.mode') !== 'subscribe' || !verifyToken || !token) return null;
  const a = Buffer.from(token);
  const b = Buffer.from(verifyToken);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const challenge = get('hub.challenge');
  return challenge === '' ? null : challenge;
}
