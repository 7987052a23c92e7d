import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * What the database stores instead of a token a browser holds (a session id, a device cookie): its SHA-256. The
 * cookie carries the token itself, so a leaked copy of a table (a backup, a replica) holds nothing a browser
 * could present.
 *
 * Rows are found by this hash through an index. The session guide compares a stored secret in constant time
 * because it looks its rows up by a separate, public id; here the lookup key is itself the hash of a random
 * token of 160+ bits, so how long a lookup takes tells an attacker nothing about any valid token.
 */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
