import { createHash } from 'node:crypto';
import type { SupportRequest } from './support-request-schema.ts';

/**
 * Fingerprint of what was submitted, after validation trimmed it, so a retry is recognised whether it came as
 * JSON or from the plain form, and a different body under the same idempotency key is not. The files' SHA-256s are
 * part of it (a retry with other files is another request); with no files it is what it was before files existed.
 */
export function requestHash(e: SupportRequest, fileHashes: string[] = []): string {
  const canonical = [
    e.name,
    e.email,
    e.accountEmails,
    e.topic,
    e.description,
    e.transcript,
    e.consent,
    ...(fileHashes.length ? [fileHashes] : []),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url');
}
