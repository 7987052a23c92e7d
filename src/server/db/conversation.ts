import type { Transaction } from 'kysely';
import { normaliseEmail } from '../email-address.ts';
import { insertAttachments, type NewAttachment } from './attachments.ts';
import { recordAudit } from './audit.ts';
import { lockingRows, type Db } from './connection.ts';
import { queueEmails, type NewOutboxEmail } from './outbox.ts';
import { insertRequestKeys } from './request-keys.ts';
import type { Database, MessageAuthor, MessageSource, TicketStatus } from './schema.ts';
import { sortableId } from './sortable-id.ts';
import { statusChange } from './ticket-status.ts';

/**
 * The public conversation on a ticket after its first description: requester messages and staff replies, each
 * written with what it changes on the ticket (status, the inbox's order and "needs our reply"), its full-text row,
 * and the emails it causes, in one transaction.
 */

export interface ConversationMessage {
  id: string;
  author: MessageAuthor;
  source: MessageSource;
  /** The staff member's name for a reply. */
  staffName: string | null;
  createdAt: string;
  body: string;
  /** For a message that came by email: the whole text as it arrived, for staff only. */
  originalBody: string | null;
}

/** What the email module needs to write the emails a change causes. */
export interface TicketForMail {
  reference: string;
  name: string;
  contactEmail: string;
  topic: string;
  status: TicketStatus;
  /** The language its requester wrote in: emails to them are in it. */
  language: string;
}

/** Staff to tell about a ticket: its assignee, or when nobody is, the agents who asked for it. */
export interface StaffRecipient {
  email: string;
  name: string;
}

/** The emails a change causes and the hashes of the requester keys their links carry. */
export interface OutgoingMail {
  keyHashes: string[];
  emails: NewOutboxEmail[];
}

/** The emails a change to a ticket causes: about `message` when it adds one, to `staff` when they are to be told. */
export type MailFor = (
  ticket: TicketForMail,
  message: { id: string; body: string; staffName: string | null } | undefined,
  staff: StaffRecipient[],
) => OutgoingMail;

export async function messagesOf(db: Db, reference: string): Promise<ConversationMessage[]> {
  const rows = await db
    .selectFrom('ticket_messages as m')
    .leftJoin('staff', 'staff.id', 'm.staff_id')
    .select(['m.id', 'm.author', 'm.source', 'm.created_at', 'm.body', 'm.original_body', 'staff.name'])
    .where('m.reference', '=', reference)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    author: row.author,
    source: row.source,
    staffName: row.name,
    createdAt: row.created_at,
    body: row.body,
    originalBody: row.original_body,
  }));
}

/** Active staff to tell about a ticket: the assignee, or with nobody assigned, everyone who opted in. */
export async function staffToNotify(db: Db, assignee: string | null): Promise<StaffRecipient[]> {
  let query = db.selectFrom('staff').select(['email', 'name']).where('disabled_at', 'is', null);
  query = assignee ? query.where('id', '=', assignee) : query.where('notify_new_tickets', '=', 1);
  return query.orderBy('email_normalized').execute();
}

/** Writes the emails and keys of `mail`; in the caller's transaction. */
export async function queueMail(db: Db, reference: string, mail: OutgoingMail, now: Date): Promise<void> {
  await insertRequestKeys(db, reference, mail.keyHashes, now);
  await queueEmails(db, reference, mail.emails, now);
}

async function lockTicket(trx: Transaction<Database>, reference: string) {
  return lockingRows(
    trx,
    trx
      .selectFrom('tickets')
      .select([
        'reference',
        'name',
        'contact_email',
        'topic',
        'status',
        'language',
        'closed_at',
        'assigned_to',
        'anonymised_at',
        'last_staff_reply_at',
        'last_requester_message_at',
      ])
      .where('reference', '=', reference),
  ).executeTakeFirst();
}

const forMail = (row: NonNullable<Awaited<ReturnType<typeof lockTicket>>>, status: TicketStatus): TicketForMail => ({
  reference: row.reference,
  name: row.name,
  contactEmail: row.contact_email,
  topic: row.topic,
  status,
  language: row.language,
});

export type ReplyStatus = 'waiting' | 'resolved';

/**
 * A staff member's public reply, emailed to the requester; it may set the status at once (waiting on the requester,
 * resolved). A new ticket becomes open. False when the ticket does not exist or was anonymised.
 */
export async function addStaffReply(
  db: Db,
  { reference, staffId, body, status, mail }: { reference: string; staffId: string; body: string; status?: ReplyStatus; mail: MailFor },
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, reference);
    if (!ticket || ticket.anonymised_at) return false;
    const at = now.toISOString();
    const id = sortableId(now.getTime());
    await trx
      .insertInto('ticket_messages')
      .values({
        id,
        reference,
        author: 'staff',
        source: 'staff',
        staff_id: staffId,
        created_at: at,
        body,
        idempotency_key: null,
        original_body: null,
      })
      .execute();
    await trx.insertInto('ticket_texts').values({ reference, body }).execute();
    const next = status ?? (ticket.status === 'new' ? 'open' : ticket.status);
    const replied = { last_staff_reply_at: at, last_requester_message_at: ticket.last_requester_message_at };
    await trx
      .updateTable('tickets')
      .set((eb) => ({
        ...statusChange(ticket, next, replied, at),
        last_activity_at: at,
        last_staff_reply_at: at,
        first_reply_at: eb.fn.coalesce('first_reply_at', eb.val(at)),
      }))
      .where('reference', '=', reference)
      .execute();
    await recordAudit(trx, { at, staffId, action: 'reply-sent', reference, detail: { message: id } });
    if (next !== ticket.status)
      await recordAudit(trx, { at, staffId, action: 'status-changed', reference, detail: { from: ticket.status, to: next } });
    const staffName = (await trx.selectFrom('staff').select('name').where('id', '=', staffId).executeTakeFirst())?.name ?? null;
    await queueMail(trx, reference, mail(forMail(ticket, next), { id, body, staffName }, []), now);
    return true;
  });
}

export type RequesterOutcome = 'added' | 'repeated' | 'missing';

/**
 * A message from the requester (from their page, or by email). It reopens a ticket that waits on them or was
 * resolved, marks it as waiting for us, and tells staff. A post with an idempotency key already used on the ticket
 * adds nothing ('repeated').
 */
export async function addRequesterMessage(
  db: Db,
  {
    reference,
    body,
    source,
    idempotencyKey,
    originalBody = null,
    attachments = [],
    mail,
  }: {
    reference: string;
    body: string;
    source: MessageSource;
    idempotencyKey: string | null;
    /** For an email: the text as it arrived, kept for staff (`body` is the reply without quotes and signature). */
    originalBody?: string | null;
    /** Checked files sent with the message. */
    attachments?: NewAttachment[];
    mail: MailFor;
  },
  now = new Date(),
): Promise<RequesterOutcome> {
  return db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, reference);
    if (!ticket || ticket.anonymised_at) return 'missing';
    const at = now.toISOString();
    const id = sortableId(now.getTime());
    const inserted = await trx
      .insertInto('ticket_messages')
      .values({
        id,
        reference,
        author: 'requester',
        source,
        staff_id: null,
        created_at: at,
        body,
        idempotency_key: idempotencyKey,
        original_body: originalBody,
      })
      .onConflict((oc) => oc.columns(['reference', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'repeated';
    await insertAttachments(trx, reference, id, attachments, now);
    await trx.insertInto('ticket_texts').values({ reference, body }).execute();
    const next = ticket.status === 'waiting' || ticket.status === 'resolved' ? 'open' : ticket.status;
    const messaged = { last_staff_reply_at: ticket.last_staff_reply_at, last_requester_message_at: at };
    await trx
      .updateTable('tickets')
      .set({ ...statusChange(ticket, next, messaged, at), last_activity_at: at, last_requester_message_at: at })
      .where('reference', '=', reference)
      .execute();
    await recordAudit(trx, { at, staffId: null, action: 'requester-message', reference, detail: { message: id } });
    if (next !== ticket.status)
      await recordAudit(trx, { at, staffId: null, action: 'status-changed', reference, detail: { from: ticket.status, to: next } });
    const staff = await staffToNotify(trx, ticket.assigned_to);
    await queueMail(trx, reference, mail(forMail(ticket, next), { id, body, staffName: null }, staff), now);
    return 'added';
  });
}

/**
 * The requester says the problem is fixed (resolved) or still not fixed (open again). Nothing is emailed: they
 * did it themselves. False when the ticket does not exist.
 */
export async function requesterSetsStatus(db: Db, reference: string, status: 'resolved' | 'open', now = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ticket = await lockTicket(trx, reference);
    if (!ticket || ticket.anonymised_at) return false;
    if (ticket.status === status || ticket.status === 'spam') return true;
    const at = now.toISOString();
    await trx
      .updateTable('tickets')
      .set({ ...statusChange(ticket, status, ticket, at), last_activity_at: at })
      .where('reference', '=', reference)
      .execute();
    await recordAudit(trx, {
      at,
      staffId: null,
      action: status === 'resolved' ? 'requester-resolved' : 'requester-reopened',
      reference,
      detail: { from: ticket.status, to: status },
    });
    return true;
  });
}

/**
 * Queues `mail` (a fresh link) for each open ticket whose contact address is `emailNormalized`; returns how many.
 * Account addresses do not count: someone typing your address as theirs must not get your requests' links.
 */
export async function mailOpenRequests(db: Db, emailNormalized: string, mail: MailFor, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const tickets = await trx
      .selectFrom('ticket_emails as e')
      .innerJoin('tickets as t', 't.reference', 'e.reference')
      .select(['t.reference', 't.name', 't.contact_email', 't.topic', 't.status', 't.language'])
      .where('e.email_normalized', '=', emailNormalized)
      .where('t.status', 'in', ['new', 'open', 'waiting'])
      .where('t.anonymised_at', 'is', null)
      .orderBy('t.created_at')
      .execute();
    const own = tickets.filter((t) => normaliseEmail(t.contact_email) === emailNormalized);
    for (const t of own) {
      const ticket = {
        reference: t.reference,
        name: t.name,
        contactEmail: t.contact_email,
        topic: t.topic,
        status: t.status,
        language: t.language,
      };
      await queueMail(trx, t.reference, mail(ticket, undefined, []), now);
    }
    return own.length;
  });
}
