import { randomFillSync } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read over the phone cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PATTERN = /^HC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A short, readable, random reference such as HC-7KQ2-M9XD: 40 random bits, so not guessable or sequential. */
export function newReference(): string {
  let chars = '';
  // 256 is a multiple of 32, so masking each byte keeps every character equally likely.
  for (let i = 0; i < 8; i++) chars += ALPHABET[randomByte() & 31];
  return `HC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

// Random bytes fetched in bulk: one call to the system's generator serves 512 references.
const pool = new Uint8Array(4096);
let used = pool.length;

function randomByte(): number {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool[used++];
}

export function isReference(value: string): boolean {
  return PATTERN.test(value);
}
