import { z } from 'astro/zod';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import type { Db } from '../db/connection.ts';
import { addSavedReply, deleteSavedReply, updateSavedReply } from '../db/saved-replies.ts';
import { REPLY_MAX } from './ticket-actions.ts';
import { formAction, type StaffForm } from './form-post.ts';

export const SAVED_REPLIES_DONE = {
  added: 'Saved reply added.',
  changed: 'Saved reply changed.',
  deleted: 'Saved reply deleted.',
};

const fields = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: 'Enter a title' })
    .max(120, { error: 'Title must be 120 characters or fewer' })
    .refine((title) => !hasControlCharacters(title), { error: controlCharactersProblem('Title') }),
  body: z
    .string()
    .trim()
    .min(1, { error: 'Enter the reply' })
    .max(REPLY_MAX, { error: `Reply must be ${REPLY_MAX.toLocaleString('en')} characters or fewer` })
    .refine((body) => !hasControlCharacters(body), { error: controlCharactersProblem('Reply') }),
});

const gone = { status: 404, errors: {}, formError: 'That saved reply no longer exists.' };

/** The saved replies page (admins): add, change and delete the texts agents insert into replies. */
export function savedRepliesForm(db: Db): StaffForm {
  return {
    actions: {
      add: formAction(fields, async (reply) => {
        await addSavedReply(db, reply);
        return { done: 'added' };
      }),
      change: formAction(fields.extend({ id: z.string() }), async ({ id, ...reply }) =>
        (await updateSavedReply(db, id, reply)) ? { done: 'changed' } : gone,
      ),
      delete: formAction(z.object({ id: z.string() }), async ({ id }) => ((await deleteSavedReply(db, id)) ? { done: 'deleted' } : gone)),
    },
  };
}
