import { getRandomValues } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read over the phone cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PATTERN = /^HC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A short, readable, random reference such as HC-7KQ2-M9XD: 40 random bits, so not guessable or sequential. */
export function newReference(): string {
  // 256 is a multiple of 32, so masking each byte keeps every character equally likely.
  const chars = Array.from(getRandomValues(new Uint8Array(8)), (byte) => ALPHABET[byte & 31]).join('');
  return `HC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function isReference(value: string): boolean {
  return PATTERN.test(value);
}
