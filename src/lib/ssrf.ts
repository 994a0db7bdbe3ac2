/**
 * Server-side request forgery guard for URLs admins give Turno to call (outbound webhooks): the
 * host name is resolved and every address must be public — no loopback, private, link-local,
 * carrier-grade NAT, multicast or reserved ranges, in IPv4, IPv6 or IPv4-mapped IPv6. Node's
 * `net.BlockList` does the range matching.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** True when `address` (an IP literal) is not reachable on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class UnsafeUrlError extends Error {}

/**
 * Resolves the host of `url` and throws UnsafeUrlError when it is not http(s) or any of its
 * addresses is private (unless `allowPrivate`). Call it again right before each request: DNS can change.
 */
export async function assertPublicUrl(url: string, allowPrivate: boolean): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UnsafeUrlError(`only http and https URLs are allowed, not ${parsed.protocol}`);
  if (allowPrivate) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch (error) {
    throw new UnsafeUrlError(`the host ${host} could not be resolved (${error instanceof Error ? error.message : String(error)})`);
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad || addresses.length === 0) throw new UnsafeUrlError(`${host} resolves to a private or local address (${bad ?? 'none'}); set TURNO_WEBHOOKS_ALLOW_PRIVATE=1 to allow it`);
}
