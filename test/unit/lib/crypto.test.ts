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
