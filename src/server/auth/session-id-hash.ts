import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * What the sessions table stores instead of a session id: its SHA-256. lucia 3 puts the id itself in the
 * cookie, so a leaked copy of the table (a backup, a replica) holds nothing a browser could present.
 *
 * Rows are found by this hash through the primary-key index. The session guide compares a stored secret in
 * constant time because it looks its rows up by a separate, public id; here the lookup key is itself the
 * hash of a 200-bit random id, so how long a lookup takes tells an attacker nothing about any valid id.
 */
export function hashSessionId(sessionId: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(sessionId)));
}
