import { expect, test } from 'bun:test';
import { assertPublicUrl, isPrivateAddress, UnsafeUrlError } from '../../../src/lib/ssrf';

test('loopback, private, link-local, CGNAT, unique-local and IPv4-mapped loopback are private; public addresses are not', () => {
  for (const address of ['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd12::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip']) {
    expect([address, isPrivateAddress(address)]).toEqual([address, true]);
  }
  for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '172.32.0.1']) expect([address, isPrivateAddress(address)]).toEqual([address, false]);
});

test('URLs: only http(s); private hosts refused unless allowed', async () => {
  expect(assertPublicUrl('file:///etc/passwd', true)).rejects.toBeInstanceOf(UnsafeUrlError);
  expect(assertPublicUrl('http://127.0.0.1:8080/x', false)).rejects.toThrow('private or local address (127.0.0.1)');
  expect(assertPublicUrl('http://[::1]/x', false)).rejects.toBeInstanceOf(UnsafeUrlError);
  expect(assertPublicUrl('http://localhost/x', false)).rejects.toBeInstanceOf(UnsafeUrlError);
  await assertPublicUrl('http://127.0.0.1:8080/x', true);
  await assertPublicUrl('https://8.8.8.8/x', false);
});
