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

/** The 8 hextets of an IPv6 literal (embedded dotted quads included), or null when malformed. */
export function ipv6Hextets(ip: string): number[] | null {
  let text = ip.toLowerCase().split('%')[0]!;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const parts = quad[1]!.split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    text = text.slice(0, -quad[1]!.length) + `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const values = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return values.some(Number.isNaN) ? null : values;
}

function embeddedV4(h: number[], at: number): string {
  return [h[at]! >> 8, h[at]! & 255, h[at + 1]! >> 8, h[at + 1]! & 255].join('.');
}

/**
 * True when `ip` (v4 or v6 literal) is loopback/private/link-local/unspecified/multicast —
 * including IPv4 addresses hidden in IPv6 forms (mapped `::ffff:…`, compatible `::…`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`), which URL parsing rewrites into hex.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return ipv4Blocked(bare);
  const h = ipv6Hextets(bare);
  if (!h) return isIP(bare) === 6;
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8) || (zeros(0, 7) && h[7] === 1)) return true;
  if (zeros(0, 5) && h[5] === 0xffff) return ipv4Blocked(embeddedV4(h, 6));
  if (zeros(0, 6)) return true;
  if (h[0] === 0x64 && h[1] === 0xff9b && zeros(2, 6)) return ipv4Blocked(embeddedV4(h, 6));
  if (h[0] === 0x2002) return ipv4Blocked(embeddedV4(h, 1));
  return (h[0]! & 0xfe00) === 0xfc00 || (h[0]! & 0xffc0) === 0xfe80 || (h[0]! & 0xff00) === 0xff00;
}

/** Hosts that may receive the channel's access token when downloading media (Meta's CDN). */
export function mayReceiveToken(host: string, graphHost: string): boolean {
  const h = host.toLowerCase();
  return h === graphHost.toLowerCase() || /(^|\.)(fbsbx\.com|facebook\.com|fbcdn\.net|whatsapp\.net)$/.test(h.replace(/:\d+$/, ''));
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
