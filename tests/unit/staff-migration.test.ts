import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/db/connection.ts';
import { migrations } from '../../src/server/db/migrations/index.ts';

/** The two tables as 002 leaves them (007 renames them), typed here: today's schema no longer has them. */
interface Tables {
  escalations: Record<string, string | null>;
  escalation_emails: { email_normalized: string; reference: string };
}

describe('migration 002-staff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps tickets stored before it, indexes their addresses and closes their spam', async () => {
    const opened = openSqlite(dir);
    const db = opened as unknown as Kysely<Tables>;
    try {
      const migrator = new Migrator({ db: opened, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('001-escalations')).error).toBeUndefined();
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

      expect((await migrator.migrateTo('002-staff')).error).toBeUndefined();
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
      await opened.destroy();
    }
  });
});
