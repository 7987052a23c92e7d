import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/server/db/connection.ts';
import { migrations } from '../../src/server/db/migrations/index.ts';

describe('migration 002-staff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps escalations stored before it, indexes their addresses and closes their spam', async () => {
    const db = openSqlite(dir);
    try {
      const first = new Migrator({ db, provider: { getMigrations: async () => ({ '001-escalations': migrations['001-escalations'] }) } });
      expect((await first.migrateToLatest()).error).toBeUndefined();
      const row = (reference: string, status: 'new' | 'spam', contact: string, accounts: string[]) => ({
        reference,
        created_at: '2025-02-01T10:00:00.000Z',
        status,
        spam_reason: status === 'spam' ? 'honeypot' : null,
        name: 'Old Ticket',
        contact_email: contact,
        account_emails: JSON.stringify(accounts),
        topic: 'sign-in',
        description: 'Stored before staff accounts existed.',
        transcript: null,
        browser: 'firefox',
        os: 'linux',
        consented_at: '2025-02-01T10:00:00.000Z',
      });
      await db
        .insertInto('escalations')
        .values([
          row('HC-OLD0-0001', 'new', 'Ada@Example.com', ['ada@example.com', 'Old@Example.com']),
          row('HC-OLD0-0002', 'spam', 'bot@example.com', []),
        ])
        .execute();

      await migrateToLatest(db);
      const emails = await db
        .selectFrom('escalation_emails')
        .select(['email_normalized', 'reference'])
        .orderBy('email_normalized')
        .execute();
      expect(emails.map((e) => ({ ...e }))).toEqual([
        { email_normalized: 'ada@example.com', reference: 'HC-OLD0-0001' },
        { email_normalized: 'bot@example.com', reference: 'HC-OLD0-0002' },
        { email_normalized: 'old@example.com', reference: 'HC-OLD0-0001' },
      ]);
      const after = await db
        .selectFrom('escalations')
        .select(['reference', 'status', 'closed_at', 'assigned_to'])
        .orderBy('reference')
        .execute();
      expect(after.map((r) => ({ ...r }))).toEqual([
        { reference: 'HC-OLD0-0001', status: 'new', closed_at: null, assigned_to: null },
        { reference: 'HC-OLD0-0002', status: 'spam', closed_at: '2025-02-01T10:00:00.000Z', assigned_to: null },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
