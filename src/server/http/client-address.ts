import type http from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * The client's address. `socketAddress` is the TCP peer (Astro's clientAddress: see settleForwardedFor). With
 * `trustedProxyHops` proxies in front, each appending the address it saw, the client is that many entries from
 * the right of the header; entries further left were written by the client and cannot be believed.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedProxyHops: number): string {
  if (trustedProxyHops === 0 || !forwardedFor) return socketAddress;
  const hops = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxyHops)] ?? socketAddress;
}

/**
 * Runs before Astro sees the request. With security.allowedDomains set (from SITE_URL), Astro's clientAddress is
 * the first X-Forwarded-For entry whenever the Host or X-Forwarded-Host names the site, which any client can send.
 * So X-Forwarded-For is removed unless TRUST_PROXY is set, and otherwise left holding only the client as
 * TRUST_PROXY counts it: Astro's clientAddress and clientAddress() above then agree, and neither is forged.
 */
export function settleForwardedFor(req: http.IncomingMessage, trustedProxyHops: number): void {
  const header = [req.headers['x-forwarded-for'] ?? []].flat().join(', ');
  const socketAddress = req.socket.remoteAddress;
  if (trustedProxyHops === 0 || !header || !socketAddress) {
    delete req.headers['x-forwarded-for'];
    return;
  }
  req.headers['x-forwarded-for'] = clientAddress(socketAddress, header, trustedProxyHops);
}

/** One rate-limit bucket per client: an IPv6 client usually owns a whole /64, so it counts as one. */
export function rateLimitKey(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (!isIPv6(plain)) return plain;
  const groups = expandIPv6(plain);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
