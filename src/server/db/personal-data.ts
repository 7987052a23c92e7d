import { recordAudit } from './audit.ts';
import type { Db } from './connection.ts';

/** What anonymised free text and addresses read as. */
export const ERASED = '[erased]';

/** References of the tickets naming an address (normalised), as contact or account email. */
export async function referencesFor(db: Db, emailNormalized: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket_emails')
    .select('reference')
    .where('email_normalized', '=', emailNormalized)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.reference);
}

/** Everything stored for these tickets, rows as stored (JSON columns parsed), with messages, notes and audit entries. */
export async function ticketRecords(db: Db, references: string[]): Promise<Record<string, unknown>[]> {
  if (references.length === 0) return [];
  const [tickets, messages, notes, audit] = await Promise.all([
    db.selectFrom('tickets').selectAll().where('reference', 'in', references).orderBy('created_at').execute(),
    db
      .selectFrom('ticket_messages')
      .select(['id', 'reference', 'author', 'source', 'staff_id', 'created_at', 'body', 'original_body'])
      .where('reference', 'in', references)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('ticket_notes').selectAll().where('reference', 'in', references).orderBy('created_at').execute(),
    db.selectFrom('audit_events').selectAll().where('reference', 'in', references).orderBy('at').execute(),
  ]);
  return tickets.map((t) => ({
    ...t,
    account_emails: JSON.parse(t.account_emails) as unknown,
    transcript: t.transcript ? (JSON.parse(t.transcript) as unknown) : null,
    messages: messages.filter((m) => m.reference === t.reference).map((m) => ({ ...m })),
    notes: notes.filter((n) => n.reference === t.reference).map((n) => ({ ...n })),
    audit: audit.filter((a) => a.reference === t.reference).map((a) => ({ ...a, detail: JSON.parse(a.detail) as unknown })),
  }));
}

/**
 * Replaces the personal data of these tickets (name, addresses, description, messages, notes) and forgets their
 * addresses, idempotency keys, full-text index rows, the keys to their requester pages (every link stops working),
 * their reply addresses, their files and their emails, sent or not. The tickets stay, with their status, topic and
 * troubleshooter path, and each gets an audit entry saying why. Already anonymised tickets are left as they are.
 */
export async function anonymise(
  db: Db,
  references: string[],
  why: { staffId: string | null; reason: 'erasure-request' | 'retention' },
  now = new Date(),
): Promise<string[]> {
  if (references.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    // The update itself picks the tickets not yet anonymised (not a select before it): when two instances'
    // retention runs meet, PostgreSQL makes the second wait and then skip what the first did, so no ticket is
    // anonymised, or audited, twice.
    const targets = (
      await trx
        .updateTable('tickets')
        .set({ name: ERASED, contact_email: ERASED, account_emails: '[]', description: ERASED, anonymised_at: at })
        .where('reference', 'in', references)
        .where('anonymised_at', 'is', null)
        .returning('reference')
        .execute()
    ).map((row) => row.reference);
    if (targets.length === 0) return [];
    await trx.updateTable('ticket_notes').set({ body: ERASED }).where('reference', 'in', targets).execute();
    await trx.updateTable('ticket_messages').set({ body: ERASED, original_body: null }).where('reference', 'in', targets).execute();
    await trx.deleteFrom('ticket_texts').where('reference', 'in', targets).execute();
    await trx.deleteFrom('request_keys').where('reference', 'in', targets).execute();
    await trx.deleteFrom('reply_tokens').where('reference', 'in', targets).execute();
    await trx.deleteFrom('attachments').where('reference', 'in', targets).execute();
    await trx.deleteFrom('outbox').where('reference', 'in', targets).execute();
    await trx.deleteFrom('ticket_emails').where('reference', 'in', targets).execute();
    await trx.deleteFrom('idempotency_keys').where('reference', 'in', targets).execute();
    for (const reference of targets)
      await recordAudit(trx, { at, staffId: why.staffId, action: 'anonymised', reference, detail: { reason: why.reason } });
    return targets;
  });
}

/** Closed tickets not yet anonymised whose closing is older than `before`, oldest first. */
export async function closedBefore(db: Db, before: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('reference')
    .where('closed_at', '<', before)
    .where('anonymised_at', 'is', null)
    .orderBy('closed_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.reference);
}
