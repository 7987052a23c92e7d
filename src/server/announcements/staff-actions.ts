import { z } from 'astro/zod';
import type { Db } from '../db/connection.ts';
import { editAnnouncement, endAnnouncement, publishAnnouncement, type Editor } from '../db/announcements.ts';
import { formAction, isFormProblem, type FormProblem, type StaffForm } from '../staff/form-post.ts';
import { announcementFormSchema, announcementOf } from './staff-form.ts';

/** What the announcements page says after each of its actions (`?done=…`). */
export const ANNOUNCEMENT_DONE = {
  published: 'Announcement published. It reaches every page within a minute.',
  saved: 'Changes saved. They reach every page within a minute.',
  ended: 'Announcement ended. It disappears from every page within a minute.',
  'already-ended': 'That announcement had already ended.',
};

const NOT_FOUND: FormProblem = { status: 404, errors: {}, formError: 'That announcement does not exist (any more).' };

/** The staff announcements page's forms: publish, edit and end, each recorded with who did it. */
export function announcementsForm(db: Db, editor: Editor, now: Date): StaffForm {
  const fields = announcementFormSchema(now);
  return {
    actions: {
      publish: formAction(fields, async (form) => {
        const announcement = announcementOf(form);
        if (isFormProblem(announcement)) return announcement;
        await publishAnnouncement(db, announcement, editor, now);
        return { done: 'published' };
      }),
      edit: formAction(fields, async (form) => {
        const announcement = announcementOf(form);
        if (isFormProblem(announcement)) return announcement;
        return (await editAnnouncement(db, form.id, announcement, editor, now)) ? { done: 'saved' } : NOT_FOUND;
      }),
      end: formAction(z.object({ id: z.string() }), async ({ id }) => {
        const ended = await endAnnouncement(db, id, editor, now);
        if (ended === 'unknown') return NOT_FOUND;
        return { done: ended === 'ended' ? 'ended' : 'already-ended' };
      }),
    },
  };
}
