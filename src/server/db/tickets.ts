import { recordAudit } from './audit.ts';
import { lockingRows, type Db } from './connection.ts';
import type { TicketStatus } from './schema.ts';
import { sortableId } from './sortable-id.ts';

const CLOSED: TicketStatus[] = ['resolved', 'spam'];

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

/** Each change and its audit entry are one transaction; false when the ticket does not exist. */
export async function changeStatus(db: Db, reference: string, status: TicketStatus, staffId: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await lockingRows(
      trx,
      trx.selectFrom('tickets').select(['status', 'closed_at']).where('reference', '=', reference),
    ).executeTakeFirst();
    if (!current) return false;
    if (current.status === status) return true;
    const at = now.toISOString();
    // Closing starts the retention clock; reopening stops it.
    const closedAt = CLOSED.includes(status) ? (CLOSED.includes(current.status) ? current.closed_at : at) : null;
    await trx.updateTable('tickets').set({ status, closed_at: closedAt }).where('reference', '=', reference).execute();
    await recordAudit(trx, { at, staffId, action: 'status-changed', reference, detail: { from: current.status, to: status } });
    return true;
  });
}

export async function assign(db: Db, reference: string, staffId: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await lockingRows(
      trx,
      trx.selectFrom('tickets').select('assigned_to').where('reference', '=', reference),
    ).executeTakeFirst();
    if (!current) return false;
    if (current.assigned_to === staffId) return true;
    await trx.updateTable('tickets').set({ assigned_to: staffId }).where('reference', '=', reference).execute();
    await recordAudit(trx, {
      at: now.toISOString(),
      staffId,
      action: 'assigned',
      reference,
      detail: { from: current.assigned_to, to: staffId },
    });
    return true;
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
