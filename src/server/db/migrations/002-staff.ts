import type { Kysely } from 'kysely';

/** The rows the backfill reads and writes, typed here because a migration must not depend on today's schema. */
interface Tables {
  escalations: {
    reference: string;
    created_at: string;
    contact_email: string;
    account_emails: string;
    status: string;
    closed_at: string | null;
  };
  escalation_emails: { email_normalized: string; reference: string; created_at: string };
}

const BACKFILL_BATCH = 500;

// Schema builder and portable types only, as in 001: PostgreSQL runs this unchanged.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_staff_id').on('staff_sessions').column('staff_id').execute();
  await db.schema.createIndex('staff_sessions_expires_at').on('staff_sessions').column('expires_at').execute();

  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempted_at', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('client_key', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .execute();
  // Throttling counts recent failures per address and per client; pruning deletes by age.
  await db.schema.createIndex('sign_in_attempts_email').on('sign_in_attempts').columns(['email_normalized', 'attempted_at']).execute();
  await db.schema.createIndex('sign_in_attempts_client').on('sign_in_attempts').columns(['client_key', 'attempted_at']).execute();
  await db.schema.createIndex('sign_in_attempts_attempted_at').on('sign_in_attempts').column('attempted_at').execute();

  // Existing rows stay valid: their status is 'new' or 'spam', and the new columns start empty.
  await db.schema
    .alterTable('escalations')
    .addColumn('assigned_to', 'text', (c) => c.references('staff.id'))
    .execute();
  await db.schema.alterTable('escalations').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('escalations').addColumn('anonymised_at', 'text').execute();
  // Keyset pagination orders by (created_at, reference): with the reference in the index, a page is one index
  // range read, with or without a status filter.
  await db.schema.dropIndex('escalations_status_created_at').execute();
  await db.schema
    .createIndex('escalations_status_created_at_reference')
    .on('escalations')
    .columns(['status', 'created_at', 'reference'])
    .execute();
  await db.schema.createIndex('escalations_created_at_reference').on('escalations').columns(['created_at', 'reference']).execute();
  // Retention looks for closed tickets not yet anonymised: a range of this index, however many are done.
  await db.schema.createIndex('escalations_anonymised_at_closed_at').on('escalations').columns(['anonymised_at', 'closed_at']).execute();

  await db.schema
    .createTable('escalation_emails')
    .addColumn('email_normalized', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull().references('escalations.reference').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('escalation_emails_pk', ['email_normalized', 'reference'])
    .execute();
  // The email search reads one address's escalations newest first off this index, however many there are.
  await db.schema
    .createIndex('escalation_emails_email_created_at')
    .on('escalation_emails')
    .columns(['email_normalized', 'created_at', 'reference'])
    .execute();
  await db.schema.createIndex('escalation_emails_reference').on('escalation_emails').column('reference').execute();

  await db.schema
    .createTable('escalation_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('escalations.reference').onDelete('cascade'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('escalation_notes_reference').on('escalation_notes').columns(['reference', 'created_at']).execute();

  // A log: no foreign keys, so entries outlive what they describe.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_reference').on('audit_events').columns(['reference', 'at']).execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();

  await backfill(db as unknown as Kysely<Tables>);
}

/** Indexes the addresses of escalations stored before this migration; spam counts as closed when it arrived. */
async function backfill(db: Kysely<Tables>): Promise<void> {
  await db
    .updateTable('escalations')
    .set((eb) => ({ closed_at: eb.ref('created_at') }))
    .where('status', '=', 'spam')
    .execute();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('escalations')
      .select(['reference', 'created_at', 'contact_email', 'account_emails'])
      .where('reference', '>', after)
      .orderBy('reference')
      .limit(BACKFILL_BATCH)
      .execute();
    if (rows.length === 0) return;
    const emails = rows.flatMap((row) =>
      // normaliseEmail's rule, frozen here: a migration must keep doing what it did when it first ran.
      [...new Set([row.contact_email, ...(JSON.parse(row.account_emails) as string[])].map((e) => e.trim().toLowerCase()))].map(
        (email_normalized) => ({ email_normalized, reference: row.reference, created_at: row.created_at }),
      ),
    );
    if (emails.length > 0) await db.insertInto('escalation_emails').values(emails).execute();
    after = rows[rows.length - 1].reference;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_events', 'escalation_notes', 'escalation_emails', 'sign_in_attempts', 'staff_sessions']) {
    await db.schema.dropTable(table).execute();
  }
  for (const index of [
    'escalations_anonymised_at_closed_at',
    'escalations_created_at_reference',
    'escalations_status_created_at_reference',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.createIndex('escalations_status_created_at').on('escalations').columns(['status', 'created_at']).execute();
  for (const column of ['anonymised_at', 'closed_at', 'assigned_to'])
    await db.schema.alterTable('escalations').dropColumn(column).execute();
  await db.schema.dropTable('staff').execute();
}
