import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewTicket } from '../../src/server/db/new-tickets.ts';

// Make the first two references drawn the same, to see a collision handled.
const drawn: string[] = [];
vi.mock('../../src/server/tickets/reference.ts', async (original) => {
  const real = await original<typeof import('../../src/server/tickets/reference.ts')>();
  return { ...real, newReference: () => (drawn.length < 2 ? drawn.push('HC-AAAA-AAAA') && 'HC-AAAA-AAAA' : real.newReference()) };
});

const dir = mkdtempSync(join(tmpdir(), 'signpost-store-'));
process.env.DATA_DIR = dir;
const { closeDatabase, database } = await import('../../src/server/db/connection.ts');
const { createTicket } = await import('../../src/server/db/new-tickets.ts');

const newTicket = (overrides: Partial<NewTicket> = {}): NewTicket => ({
  createdAt: new Date('2025-03-01T10:00:00.000Z'),
  spamReason: null,
  name: 'Ada',
  contactEmail: 'ada@example.com',
  accountEmails: ['old@example.com'],
  topic: 'sign-in',
  description: 'I cannot sign in since yesterday.',
  language: 'en',
  transcript: { flow: 'login', steps: [] },
  browser: 'firefox',
  os: 'linux',
  ...overrides,
});

describe('the new-ticket store', () => {
  beforeAll(() => database());
  afterAll(async () => {
    await closeDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws another reference when one is taken', async () => {
    const first = await createTicket(newTicket());
    const second = await createTicket(newTicket({ idempotency: { key: 'collide-1', requestHash: 'h' } }));
    expect(first).toEqual({ outcome: 'created', reference: 'HC-AAAA-AAAA', createdAt: '2025-03-01T10:00:00.000Z' });
    expect(second.outcome).toBe('created');
    expect(second.reference).not.toBe('HC-AAAA-AAAA');
    const key = await (
      await database()
    )
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', 'collide-1')
      .executeTakeFirstOrThrow();
    expect(key.reference).toBe(second.reference);
  });

  it('stores the row as the rest of the app handed it over, in portable form', async () => {
    const { reference } = await createTicket(newTicket({ spamReason: 'honeypot' }));
    const row = await (await database()).selectFrom('tickets').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect({ ...row }).toEqual({
      reference,
      created_at: '2025-03-01T10:00:00.000Z',
      status: 'spam',
      spam_reason: 'honeypot',
      name: 'Ada',
      contact_email: 'ada@example.com',
      account_emails: '["old@example.com"]',
      topic: 'sign-in',
      description: 'I cannot sign in since yesterday.',
      transcript: '{"flow":"login","steps":[]}',
      browser: 'firefox',
      os: 'linux',
      consented_at: '2025-03-01T10:00:00.000Z',
      assigned_to: null,
      // Spam is closed on arrival, so retention anonymises it in time.
      closed_at: '2025-03-01T10:00:00.000Z',
      anonymised_at: null,
      last_activity_at: '2025-03-01T10:00:00.000Z',
      first_reply_at: null,
      last_staff_reply_at: null,
      last_requester_message_at: null,
      // Spam waits for nobody.
      awaiting_us: 0,
      language: 'en',
    });
    const emails = await (await database()).selectFrom('ticket_emails').selectAll().where('reference', '=', reference).execute();
    expect(emails.map((e) => ({ ...e })).sort((a, b) => a.email_normalized.localeCompare(b.email_normalized))).toEqual([
      { email_normalized: 'ada@example.com', reference, created_at: '2025-03-01T10:00:00.000Z' },
      { email_normalized: 'old@example.com', reference, created_at: '2025-03-01T10:00:00.000Z' },
    ]);
  });

  it('creates one ticket per key, within a batch and across batches', async () => {
    const same = newTicket({ idempotency: { key: 'k-batch', requestHash: 'one' } });
    const other = newTicket({ idempotency: { key: 'k-batch', requestHash: 'two' } });
    const results = await Promise.all([createTicket(same), createTicket(same), createTicket(other)]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'replayed', 'key-reused']);
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(await createTicket(same)).toEqual(results[1]);
    expect((await createTicket(other)).outcome).toBe('key-reused');
    const count = await (
      await database()
    )
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reference', '=', results[0].reference)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
