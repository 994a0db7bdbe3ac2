/**
 * SSRF guard for media download URLs: only http(s), and never loopback, private, link-local,
 * CGNAT or unspecified addresses, except the configured Graph host (the simulator in tests).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

function ipv4Blocked(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
}

/** True when `ip` (v4 or v6 literal) is loopback/private/link-local/unspecified/multicast. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return ipv4Blocked(bare);
  if (isIP(bare) !== 6) return false;
  const mapped = bare.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return ipv4Blocked(mapped[1]!);
  return bare === '::' || bare === '::1' || /^f[cd]/.test(bare) || /^fe[89ab]/.test(bare) || bare.startsWith('ff');
}

/**
 * Resolves whether `url` may be fetched. Allowed: http(s) to `allowedHost` (host[:port] of the
 * Graph URL) or to hosts whose every resolved address is public. `resolve` is injectable for tests.
 * Returns a reason string when refused, or null when allowed.
 */
export async function checkDownloadUrl(
  url: string,
  allowedHost: string,
  resolve: (host: string) => Promise<string[]> = async (h) => (await lookup(h, { all: true })).map((a) => a.address),
): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `protocol ${u.protocol} not allowed`;
  if (u.username || u.password) return 'credentials in URL not allowed';
  if (u.host.toLowerCase() === allowedHost.toLowerCase()) return null;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `host ${host} is loopback`;
  if (isIP(host)) return isPrivateAddress(host) ? `address ${host} is private or loopback` : null;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return `host ${host} does not resolve`;
  }
  const bad = addresses.find(isPrivateAddress);
  return bad ? `host ${host} resolves to private address ${bad}` : null;
}
