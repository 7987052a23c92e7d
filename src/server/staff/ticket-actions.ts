import { z } from 'astro/zod';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import type { SignedInStaff } from '../auth/lucia.ts';
import type { Db } from '../db/connection.ts';
import { addStaffReply } from '../db/conversation.ts';
import { sendAgain } from '../db/outbox.ts';
import type { TicketStatus } from '../db/schema.ts';
import { addNote, assign, changeStatus } from '../db/tickets.ts';
import { wakeOutbox } from '../email/mail-service.ts';
import { newRequestKey } from '../email/request-link.ts';
import { newMessageId, resolvedMail, staffReplyMail } from '../email/ticket-mail.ts';
import { formAction, type Outcome, type StaffForm } from './form-post.ts';
import { isStatus } from './statuses.ts';

export const NOTE_MAX = 5000;
export const REPLY_MAX = 5000;

/** What the ticket page says after each of its actions (`?done=…`). */
export const TICKET_DONE = {
  status: 'Status changed.',
  assigned: 'Assignment changed.',
  note: 'Note added.',
  replied: 'Reply sent: it is on its way to the requester.',
  resent: 'The email is queued to be sent again.',
};

const statusFields = z.object({ status: z.custom<TicketStatus>(isStatus, { error: 'Choose a status' }) });

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `Enter the ${label.toLowerCase()}` })
    .max(max, { error: `${label} must be ${max.toLocaleString('en')} characters or fewer` })
    .refine((value) => !hasControlCharacters(value), { error: controlCharactersProblem(label) });

const noteFields = z.object({ note: text('Note', NOTE_MAX) });

/** The reply as typed so far: the lookups that insert into it carry it along. */
const draft = z.string().max(REPLY_MAX * 2);

/** "Reply" alone keeps the status (a new ticket becomes open); or it also sets one of these. */
export const REPLY_STATUSES = ['', 'waiting', 'resolved'] as const;

const replyFields = z.object({
  reply: text('Reply', REPLY_MAX),
  replyStatus: z.enum(REPLY_STATUSES, { error: 'Choose what happens to the status' }),
});

/**
 * The ticket page's forms: a public reply (emailed; it may set the status too), an internal note, the status,
 * assignment (to any active staff member, or nobody), sending an email again, and the lookups that build a reply
 * without JavaScript (insert a saved reply, find an article and insert a link to it), which show the page again.
 */
export function ticketForm(db: Db, reference: string, staff: SignedInStaff): StaffForm {
  // The data functions answer false for a ticket that does not exist: the page then shows its 404.
  const outcome = (found: boolean, done: keyof typeof TICKET_DONE): Outcome =>
    found ? { done } : { status: 404, errors: {}, formError: `There is no ticket ${reference}, or it was anonymised.` };
  const queued = (found: boolean, done: keyof typeof TICKET_DONE): Outcome => {
    if (found) wakeOutbox();
    return outcome(found, done);
  };
  return {
    actions: {
      reply: formAction(replyFields, async ({ reply, replyStatus }) =>
        queued(
          await addStaffReply(db, { reference, staffId: staff.id, body: reply, status: replyStatus || undefined, mail: staffReplyMail }),
          'replied',
        ),
      ),
      status: formAction(statusFields, async ({ status }) =>
        queued(await changeStatus(db, reference, status, staff.id, new Date(), resolvedMail), 'status'),
      ),
      assign: formAction(z.object({ assignee: z.string() }), async ({ assignee }) => {
        const result = await assign(db, reference, assignee || null, staff.id);
        if (result === 'no-staff') return { status: 422, errors: { assignee: 'Choose an active staff member, or nobody' } };
        return outcome(result === 'assigned', 'assigned');
      }),
      note: formAction(noteFields, async ({ note }) => outcome(await addNote(db, reference, staff.id, note), 'note')),
      'send-again': formAction(z.object({ email: z.string() }), async ({ email }) => {
        const fresh = () => ({ messageId: newMessageId(), ...keyPair() });
        if (await sendAgain(db, reference, email, new Date(), fresh)) {
          wakeOutbox();
          return { done: 'resent' };
        }
        return { status: 404, errors: {}, formError: 'There is no such email on this ticket.' };
      }),
      'insert-saved': formAction(
        z.object({ reply: draft, savedReply: z.string().min(1, { error: 'Choose a saved reply' }) }),
        async () => undefined,
      ),
      'find-article': formAction(
        z.object({ reply: draft, articleQuery: z.string().trim().min(2, { error: 'Enter two or more letters of the article’s title' }) }),
        async () => undefined,
      ),
      'insert-article': formAction(z.object({ reply: draft, article: z.string().min(1) }), async () => undefined),
    },
  };
}

function keyPair() {
  const { secret, hash } = newRequestKey();
  return { secret, keyHash: hash };
}
