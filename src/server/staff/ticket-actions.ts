import { z } from 'astro/zod';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import type { SignedInStaff } from '../auth/lucia.ts';
import type { Db } from '../db/connection.ts';
import type { TicketStatus } from '../db/schema.ts';
import { addNote, assign, changeStatus } from '../db/tickets.ts';
import { formAction, type Outcome, type StaffForm } from './form-post.ts';
import { isStatus } from './statuses.ts';

export const NOTE_MAX = 5000;

/** What the ticket page says after each of its actions (`?done=…`). */
export const TICKET_DONE = {
  status: 'Status changed.',
  assigned: 'The ticket is assigned to you.',
  note: 'Note added.',
};

const statusFields = z.object({ status: z.custom<TicketStatus>(isStatus, { error: 'Choose a status' }) });

const noteFields = z.object({
  note: z
    .string()
    .trim()
    .min(1, { error: 'Enter the note' })
    .max(NOTE_MAX, { error: `Note must be ${NOTE_MAX.toLocaleString('en')} characters or fewer` })
    .refine((note) => !hasControlCharacters(note), { error: controlCharactersProblem('Note') }),
});

/** The ticket page's forms: status (with `status`), assign (to the signed-in staff member) and note (with `note`). */
export function ticketForm(db: Db, reference: string, staff: SignedInStaff): StaffForm {
  // The data functions answer false for a ticket that does not exist: the page then shows its 404.
  const outcome = (found: boolean, done: keyof typeof TICKET_DONE): Outcome =>
    found ? { done } : { status: 404, errors: {}, formError: `There is no ticket ${reference}.` };
  return {
    actions: {
      status: formAction(statusFields, async ({ status }) => outcome(await changeStatus(db, reference, status, staff.id), 'status')),
      assign: formAction(z.object({}), async () => outcome(await assign(db, reference, staff.id), 'assigned')),
      note: formAction(noteFields, async ({ note }) => outcome(await addNote(db, reference, staff.id, note), 'note')),
    },
  };
}
