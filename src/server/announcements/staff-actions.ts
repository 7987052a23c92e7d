import type { FieldErrors } from '../../lib/contact-form.ts';
import type { Db } from '../db/connection.ts';
import { editAnnouncement, endAnnouncement, publishAnnouncement, type Editor } from '../db/announcements.ts';
import { announcementFormValues, parseAnnouncementForm, type AnnouncementFormValues } from './staff-form.ts';

export const ANNOUNCEMENTS_PAGE = '/staff/announcements';
/** What the page's forms ask for. */
export const ANNOUNCEMENT_ACTIONS = ['publish', 'edit', 'end'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];

export type StaffActionResult =
  /** Done: answer 303 to this address (Post/Redirect/Get). */
  | { kind: 'redirect'; location: string }
  /** Show the page again with the form's values and these errors. */
  | { kind: 'invalid'; status: 422; errors: FieldErrors; values: AnnouncementFormValues; editing?: string }
  /** Nothing changed: show the page with this status and message. */
  | { kind: 'failed'; status: number; message: string };

/** What a POST to the staff announcements page does: publish, edit or end, each recorded with who did it. */
export async function handleAnnouncementPost(
  { action, form }: { action: AnnouncementAction; form: URLSearchParams },
  editor: Editor,
  db: Db,
  now: Date,
): Promise<StaffActionResult> {
  const id = form.get('id') ?? '';
  if (action === 'end') {
    const ended = await endAnnouncement(db, id, editor, now);
    if (ended === 'unknown') return notFound();
    return { kind: 'redirect', location: `${ANNOUNCEMENTS_PAGE}?done=${ended === 'ended' ? 'ended' : 'already-ended'}` };
  }

  const values = announcementFormValues(form);
  const parsed = parseAnnouncementForm(values, now);
  if (!parsed.ok) return { kind: 'invalid', status: 422, errors: parsed.errors, values, editing: action === 'edit' ? id : undefined };
  if (action === 'publish') {
    await publishAnnouncement(db, parsed.fields, editor, now);
    return { kind: 'redirect', location: `${ANNOUNCEMENTS_PAGE}?done=published` };
  }
  if (!(await editAnnouncement(db, id, parsed.fields, editor, now))) return notFound();
  return { kind: 'redirect', location: `${ANNOUNCEMENTS_PAGE}?done=saved` };
}

function notFound(): StaffActionResult {
  return { kind: 'failed', status: 404, message: 'That announcement does not exist (any more).' };
}
