import { describe, expect, it } from 'vitest';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { insertRequestKeys } from '../../src/server/db/request-keys.ts';
import { hashRequestKey, newRequestKey } from '../../src/server/email/request-link.ts';
import { newTicketMail } from '../../src/server/email/ticket-mail.ts';
import { keyMatches, openRequest, type Compare } from '../../src/server/requests/request-access.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();

/** A comparison that records what it was given, answering as timingSafeEqual would. */
function recording(): { compare: Compare; calls: [Buffer, Buffer][] } {
  const calls: [Buffer, Buffer][] = [];
  return { calls, compare: (a, b) => (calls.push([a, b]), a.equals(b)) };
}

describe('a key to the requester’s page', () => {
  it('is 256 random bits, stored only as its SHA-256', () => {
    const { secret, hash } = newRequestKey();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashRequestKey(secret));
    expect(hash).not.toContain(secret);
  });

  it('is checked by the same constant-time comparison for an unknown reference (against a dummy hash) and a wrong key', () => {
    const stored = newRequestKey();
    const unknown = recording();
    const wrong = recording();
    const right = recording();
    expect(keyMatches('a guess', [], unknown.compare)).toBe(false);
    expect(keyMatches('a guess', [stored.hash], wrong.compare)).toBe(false);
    expect(keyMatches(stored.secret, [stored.hash], right.compare)).toBe(true);
    for (const { calls } of [unknown, wrong, right]) {
      expect(calls).toHaveLength(1);
      expect(calls[0].map((buffer) => buffer.length)).toEqual([32, 32]);
    }
    // The guess was hashed the same way in both refusals; only what it was compared against differs.
    expect(unknown.calls[0][0].equals(wrong.calls[0][0])).toBe(true);
  });

  it('compares against every key of a ticket, with no early exit', () => {
    const keys = [newRequestKey(), newRequestKey(), newRequestKey()];
    const { compare, calls } = recording();
    expect(
      keyMatches(
        keys[0].secret,
        keys.map((k) => k.hash),
        compare,
      ),
    ).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('opens the ticket with any of its keys, and nothing with a wrong key or another ticket’s', async () => {
    const [one, two] = await seedTickets(db(), { count: 2 });
    const [a, b, c] = [newRequestKey(), newRequestKey(), newRequestKey()];
    await insertRequestKeys(db(), one.reference, [a.hash, b.hash], new Date());
    await insertRequestKeys(db(), two.reference, [c.hash], new Date());
    expect((await openRequest(db(), one.reference, a.secret))?.reference).toBe(one.reference);
    expect((await openRequest(db(), one.reference, b.secret))?.reference).toBe(one.reference);
    expect(await openRequest(db(), one.reference, c.secret)).toBeUndefined();
    expect(await openRequest(db(), one.reference, `${a.secret}x`)).toBeUndefined();
    expect(await openRequest(db(), 'HC-ZZZZ-ZZZZ', a.secret)).toBeUndefined();
  });
});

describe('email headers', () => {
  it('refuse a name with a line break, so nothing can be added to the headers', () => {
    const compose = newTicketMail(
      { name: 'Ada\r\nBcc: evil@example.com', email: 'ada@example.com', topic: 'sign-in', description: 'x' },
      'en',
      [],
    );
    expect(() => compose('HC-AAAA-AAAA', [])).toThrow(/line break/);
  });
});
