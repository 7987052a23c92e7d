import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import type { SignedInStaff } from '../auth/lucia.ts';
import type { Db } from '../db/connection.ts';
import { addNote, assign, changeStatus } from '../db/tickets.ts';
import type { FormProblem } from './form-body.ts';
import { isStatus } from './statuses.ts';

export const NOTE_MAX = 5000;

/** What the ticket page's forms ask for. */
export const TICKET_ACTIONS = ['status', 'assign', 'note'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** What a successful action did: the ticket page says so after its redirect (`?done=…`). */
export type Done = 'status' | 'assigned' | 'note';

export const DONE_MESSAGES: Record<Done, string> = {
  status: 'Status changed.',
  assigned: 'The ticket is assigned to you.',
  note: 'Note added.',
};

/**
 * A POST to a ticket page: status (with `status`), assign (to the signed-in staff member) or note (with `note`).
 * Returns what was done, a problem to show next to the form, or undefined for no such ticket.
 */
export async function applyTicketAction(
  db: Db,
  reference: string,
  staff: SignedInStaff,
  action: TicketAction,
  form: URLSearchParams,
): Promise<Done | FormProblem | undefined> {
  const found = (ok: boolean, done: Done) => (ok ? done : undefined);
  switch (action) {
    case 'status': {
      const status = form.get('status');
      if (!isStatus(status)) return { status: 422, errors: { status: 'Choose a status' } };
      return found(await changeStatus(db, reference, status, staff.id), 'status');
    }
    case 'assign':
      return found(await assign(db, reference, staff.id), 'assigned');
    case 'note': {
      const note = (form.get('note') ?? '').trim();
      if (note === '') return { status: 422, errors: { note: 'Enter the note' } };
      if (note.length > NOTE_MAX)
        return { status: 422, errors: { note: `Note must be ${NOTE_MAX.toLocaleString('en')} characters or fewer` } };
      if (hasControlCharacters(note)) return { status: 422, errors: { note: controlCharactersProblem('Note') } };
      return found(await addNote(db, reference, staff.id, note), 'note');
    }
  }
}

export function isDone(value: string | null): value is Done {
  return value !== null && value in DONE_MESSAGES;
}
