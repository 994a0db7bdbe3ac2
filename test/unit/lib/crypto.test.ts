import { describe, expect, test } from 'bun:test';
import { constantTimeEqual, decryptSecret, encryptSecret, hmacSha256Hex, maskSecret } from '../../../src/lib/crypto';
import { FailureThrottle, TokenBucket } from '../../../src/lib/rate-limiter';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('crypto', () => {
  test('secrets round-trip and tampering is detected', () => {
    const sealed = encryptSecret(KEY, 'EAAG-token');
    expect(sealed).not.toContain('EAAG');
    expect(decryptSecret(KEY, sealed)).toBe('EAAG-token');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(KEY, parts.join(':'))).toThrow();
    expect(() => decryptSecret(Buffer.alloc(32, 1).toString('base64'), sealed)).toThrow();
  });
  test('constant-time compare and HMAC', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(hmacSha256Hex('secret', 'body')).toBe('dc46983557fea127b43af721467eb9b3fde2338fe3e14f51952aa8478c13d355');
    expect(maskSecret('abcdefgh')).toBe('••••efgh');
  });
});

describe('rate limiting', () => {
  test('failure throttle blocks after the limit within the window and forgets after it', () => {
    let now = 0;
    const t = new FailureThrottle(3, 1000, () => now);
    t.fail('ip');
    t.fail('ip');
    expect(t.retryAfter('ip')).toBe(0);
    t.fail('ip');
    expect(t.retryAfter('ip')).toBe(1000);
    now = 1001;
    expect(t.retryAfter('ip')).toBe(0);
  });
  test('failure throttle memory is bounded: expired keys are swept, and a flood of distinct keys evicts the stalest', () => {
    let now = 0;
    const t = new FailureThrottle(3, 1000, () => now, 100);
    for (let i = 0; i < 50; i++) t.fail(`old-${i}`);
    now = 1500;
    t.fail('fresh');
    expect(t.size).toBe(1); // the 50 keys never seen again are gone once the window passed
    for (let i = 0; i < 10; i++) t.fail('fresh');
    expect(t.retryAfter('fresh')).toBe(1000); // still blocked; only its last `limit` failures are kept
    for (let i = 0; i < 10_000; i++) t.fail(`ip-${i}`);
    expect(t.size).toBe(100);
    expect(t.retryAfter('ip-9999')).toBe(0);
    t.fail('ip-9999'); t.fail('ip-9999');
    expect(t.retryAfter('ip-9999')).toBe(1000);
  });
  test('token bucket paces to its rate', () => {
    let now = 0;
    const b = new TokenBucket(2, 2, () => now);
    expect(b.take()).toBe(0);
    expect(b.take()).toBe(0);
    expect(b.take()).toBe(500);
    now = 500;
    expect(b.take()).toBe(0);
  });
});
