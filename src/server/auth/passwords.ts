import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2's defaults are argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 20 ms a check
// on one core, so sign-in stays quick while offline guessing stays slow. They are written into each hash, so
// raising them later keeps old hashes verifiable.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed check, not a crash
  }
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a hash no password matches, taking as long as a real check: a sign-in with an
 * unknown address costs the same time as one with a known address, so timing does not reveal accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hash(randomBytes(32));
  await verifyPassword(await dummy, password);
  return false;
}
