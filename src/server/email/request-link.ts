import { createHash, randomBytes } from 'node:crypto';
import { REQUEST_KEY_SLOT } from '../db/outbox.ts';

/**
 * The requester's private page and its keys: 256 random bits each, base64url in the link; only a SHA-256 is stored.
 * Stored emails carry REQUEST_KEY_SLOT where the key goes: the outbox fills it when sending and forgets the key once
 * sent, so a sent email's stored copy shows the link masked.
 */

export function newRequestKey(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashRequestKey(secret) };
}

export function hashRequestKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The page's path with `key` (or the slot, in a stored email). */
export function requestPath(reference: string, key = REQUEST_KEY_SLOT): string {
  return `/requests/${reference}/?key=${key}`;
}

const MASK = '••••••••';

/** A stored email body with its key put in, or masked when the key is gone (it was sent). */
export function withKey(body: string, secret: string | null): string {
  return body.replaceAll(REQUEST_KEY_SLOT, secret ?? MASK);
}
