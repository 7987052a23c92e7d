import { createHash } from 'node:crypto';

/**
 * Who voted on what today, as a key that names nobody: a hash of the day's secret salt, the article, the
 * client's network (an IPv4 address or IPv6 /64) and its User-Agent. Once the salt is purged the key cannot
 * be recomputed from an address, so no address is stored in any form that can be reversed.
 */
export function voterKey({
  salt,
  article,
  network,
  userAgent,
}: {
  salt: string;
  article: string;
  network: string;
  userAgent: string;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([salt, article, network, userAgent]))
    .digest('base64url');
}

/** The UTC day a time falls on, "2025-01-31": salts and claims are per day. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
