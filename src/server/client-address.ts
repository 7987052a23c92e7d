import { isIPv6 } from 'node:net';

/**
 * The client's address. `socketAddress` is the TCP peer (Astro's clientAddress, which ignores
 * X-Forwarded-For because no security.allowedDomains are configured). With `trustedProxyHops` proxies in
 * front, each appending the address it saw, the client is that many entries from the right of the header;
 * entries further left were written by the client and cannot be believed.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedProxyHops: number): string {
  if (trustedProxyHops === 0 || !forwardedFor) return socketAddress;
  const hops = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedProxyHops)] ?? socketAddress;
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
