import { z } from 'astro/zod';
import type { SignedInStaff } from '../auth/lucia.ts';
import type { Db } from '../db/connection.ts';
import { isReference } from '../tickets/reference.ts';
import { formAction, type StaffForm } from './form-post.ts';
import { erasePersonalData } from './personal-data.ts';

const requesterEmail = (error: string) =>
  z
    .string()
    .trim()
    .refine((email) => email.includes('@'), { error });

/** What the personal data page says after an erasure (`?done=erased&tickets=<references>`). */
export const PERSONAL_DATA_DONE = {
  erased: (query: URLSearchParams) => {
    const tickets = (query.get('tickets') ?? '').split(' ').filter(isReference);
    const list = tickets.length > 0 ? `: ${tickets.join(', ')}` : '';
    return `Erased the personal data in ${tickets.length} ticket${tickets.length === 1 ? '' : 's'}${list}. The tickets remain, anonymised, with an entry in their audit trail.`;
  },
};

const findFields = z.object({ email: requesterEmail('Enter the requester’s email address, like name@example.com') });

/**
 * The personal data page's forms, posted so a requester's address never ends up in a URL, a browser history or an
 * access log: find (a lookup: the page shows what it finds) and erase.
 */
export function personalDataForm(db: Db, admin: SignedInStaff): StaffForm {
  return {
    actions: {
      find: formAction(findFields, async () => undefined),
      erase: formAction(
        findFields.extend({ confirm: z.literal('yes', { error: 'Confirm that the personal data should be erased' }) }),
        async ({ email }) => ({ done: 'erased', params: { tickets: (await erasePersonalData(db, email, admin.id)).join(' ') } }),
      ),
    },
  };
}

/** The export endpoint's one field. */
export const exportFields = z.object({ email: requesterEmail('Send the requester’s email address as the form field "email".') });
