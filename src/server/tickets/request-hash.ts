import { createHash } from 'node:crypto';
import type { SupportRequest } from './support-request-schema.ts';

/**
 * Fingerprint of what was submitted, after validation trimmed it, so a retry is recognised whether it came as
 * JSON or from the plain form, and a different body under the same idempotency key is not.
 */
export function requestHash(e: SupportRequest): string {
  const canonical = [e.name, e.email, e.accountEmails, e.topic, e.description, e.transcript, e.consent];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
