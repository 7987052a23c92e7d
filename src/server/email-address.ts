/**
 * The form an email address is compared in: staff sign-in, the inbox search and personal-data requests all
 * treat Ada@Example.com and ada@example.com as one address. Stored in *_normalized columns with a plain
 * index, so both databases compare it the same way.
 */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}
