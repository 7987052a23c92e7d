import { recordAudit } from './audit.ts';
import { lockingRows, type Db } from './connection.ts';
import { queueMail, type MailFor } from './conversation.ts';
import type { TicketStatus } from './schema.ts';
import { sortableId } from './sortable-id.ts';
import { statusChange } from './ticket-status.ts';

export interface Ticket {
  reference: string;
  createdAt: string;
  status: TicketStatus;
  spamReason: string | null;
  name: string;
  contactEmail: string;
  accountEmails: string[];
  topic: string;
  description: string;
  transcript: { flow: string; steps: { step: string; choice: string }[] } | null;
  browser: string;
  os: string;
  consentedAt: string;
  assignee: { id: string; name: string } | null;
  closedAt: string | null;
  anonymisedAt: string | null;
  lastActivityAt: string;
  /** The requester waits for our answer. */
  awaitingUs: boolean;
  /** The code of the language the requester wrote in. */
  language: string;
}

export interface Note {
  id: string;
  createdAt: string;
  body: string;
  author: string;
}

export async function ticketByReference(db: Db, reference: string): Promise<Ticket | undefined> {
  const row = await db
    .selectFrom('tickets as t')
    .leftJoin('staff', 'staff.id', 't.assigned_to')
    .selectAll('t')
    .select('staff.name as assignee_name')
    .where('t.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    reference: row.reference,
    createdAt: row.created_at,
    status: row.status,
    spamReason: row.spam_reason,
    name: row.name,
    contactEmail: row.contact_email,
    accountEmails: JSON.parse(row.account_emails) as string[],
    topic: row.topic,
    description: row.description,
    transcript: row.transcript ? (JSON.parse(row.transcript) as Ticket['transcript']) : null,
    browser: row.browser,
    os: row.os,
    consentedAt: row.consented_at,
    assignee: row.assigned_to ? { id: row.assigned_to, name: row.assignee_name ?? '' } : null,
    closedAt: row.closed_at,
    anonymisedAt: row.anonymised_at,
    lastActivityAt: row.last_activity_at,
    awaitingUs: row.awaiting_us === 1,
    language: row.language,
  };
}

export async function notesOf(db: Db, reference: string): Promise<Note[]> {
  const rows = await db
    .selectFrom('ticket_notes as n')
    .innerJoin('staff', 'staff.id', 'n.staff_id')
    .select(['n.id', 'n.created_at', 'n.body', 'staff.name'])
    .where('n.reference', '=', reference)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
  return rows.map((row) => ({ id: row.id, createdAt: row.created_at, body: row.body, author: row.name }));
}

/**
 * Each change and its audit entry are one transaction; false when the ticket does not exist. Setting it resolved
 * queues the email `resolvedMail` writes (a note with the link to say it is still not fixed).
 */
export async function changeStatus(
  db: Db,
  reference: string,
  status: TicketStatus,
  staffId: string,
  now = new Date(),
  resolvedMail?: MailFor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await lockingRows(
      trx,
      trx
        .selectFrom('tickets')
        .select([
          'status',
          'closed_at',
          'last_staff_reply_at',
          'last_requester_message_at',
          'name',
          'contact_email',
          'topic',
          'language',
          'anonymised_at',
        ])
        .where('reference', '=', reference),
    ).executeTakeFirst();
    if (!current) return false;
    if (current.status === status) return true;
    const at = now.toISOString();
    await trx
      .updateTable('tickets')
      .set(statusChange(current, status, current, at))
      .where('reference', '=', reference)
      .execute();
    await recordAudit(trx, { at, staffId, action: 'status-changed', reference, detail: { from: current.status, to: status } });
    if (status === 'resolved' && resolvedMail && !current.anonymised_at) {
      const ticket = {
        reference,
        name: current.name,
        contactEmail: current.contact_email,
        topic: current.topic,
        status,
        language: current.language,
      };
      await queueMail(trx, reference, resolvedMail(ticket, undefined, []), now);
    }
    return true;
  });
}

/** Assigns the ticket to an active staff member, or to nobody (null); says when the ticket or the account is not there. */
export async function assign(
  db: Db,
  reference: string,
  assignee: string | null,
  staffId: string,
  now = new Date(),
): Promise<'assigned' | 'no-ticket' | 'no-staff'> {
  return db.transaction().execute(async (trx) => {
    const current = await lockingRows(
      trx,
      trx.selectFrom('tickets').select('assigned_to').where('reference', '=', reference),
    ).executeTakeFirst();
    if (!current) return 'no-ticket';
    const to = assignee
      ? await trx.selectFrom('staff').select('name').where('id', '=', assignee).where('disabled_at', 'is', null).executeTakeFirst()
      : undefined;
    if (assignee && !to) return 'no-staff';
    if (current.assigned_to === assignee) return 'assigned';
    await trx.updateTable('tickets').set({ assigned_to: assignee }).where('reference', '=', reference).execute();
    await recordAudit(trx, {
      at: now.toISOString(),
      staffId,
      action: 'assigned',
      reference,
      // The name as it was then, for the trail (staff names are not requesters' personal data).
      detail: { from: current.assigned_to, to: assignee, toName: to?.name ?? null },
    });
    return 'assigned';
  });
}

export async function addNote(db: Db, reference: string, staffId: string, body: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('tickets').select('reference').where('reference', '=', reference).executeTakeFirst();
    if (!exists) return false;
    const id = sortableId();
    const at = now.toISOString();
    await trx.insertInto('ticket_notes').values({ id, reference, staff_id: staffId, created_at: at, body }).execute();
    await recordAudit(trx, { at, staffId, action: 'note-added', reference, detail: { note: id } });
    return true;
  });
}
