import { describe, expect, test } from 'bun:test';
import { checkDownloadUrl, ipv6Hextets, isPrivateAddress, mayReceiveToken } from '../../../src/channels/whatsapp/url-guard';

const publicResolver = async () => ['157.240.1.1'];

describe('SSRF guard: IPv4 hidden in IPv6', () => {
  test('URL forms that the parser rewrites into hex are refused', async () => {
    for (const url of [
      'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:a00:1]/x', 'http://[::7f00:1]/x', 'http://[64:ff9b::a9fe:a9fe]/latest',
      'http://[2002:c0a8:101::1]/x', 'http://[::1]/x', 'http://[fe80::1]/x', 'http://[fd00::5]/x', 'http://[::]/x',
    ]) {
      expect(await checkDownloadUrl(url, 'graph.facebook.com', publicResolver)).not.toBeNull();
    }
  });

  test('public addresses stay allowed', async () => {
    expect(await checkDownloadUrl('https://[2a03:2880:f12f:83:face:b00c:0:25de]/m', 'graph.facebook.com', publicResolver)).toBeNull();
    expect(isPrivateAddress('::ffff:157.240.1.1')).toBe(false);
  });

  test('hextet parsing', () => {
    expect(ipv6Hextets('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(ipv6Hextets('1::2::3')).toBeNull();
  });

  test('the access token goes only to the Graph host and Meta CDNs', () => {
    expect(mayReceiveToken('lookaside.fbsbx.com', 'graph.facebook.com')).toBe(true);
    expect(mayReceiveToken('127.0.0.1:4000', '127.0.0.1:4000')).toBe(true);
    expect(mayReceiveToken('evil.example', 'graph.facebook.com')).toBe(false);
    expect(mayReceiveToken('fbsbx.com.evil.example', 'graph.facebook.com')).toBe(false);
  });
});
