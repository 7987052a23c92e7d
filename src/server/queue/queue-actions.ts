import { z } from 'astro/zod';
import type { Db } from '../db/connection.ts';
import { markQueueItem } from '../db/queue-marks.ts';
import { formAction, type StaffForm } from '../staff/form-post.ts';

/**
 * Done hides an item for the 30 days its figures cover, so it comes back only if readers still struggle after the
 * fix; snoozed hides it for a week.
 */
export const HIDE_DAYS = { done: 30, snoozed: 7 } as const;

export const QUEUE_DONE = {
  done: 'Marked done. It comes back only if the figures still call for it in 30 days.',
  snoozed: 'Snoozed for a week.',
};

const DAY = 24 * 60 * 60 * 1000;
const item = z.object({ key: z.string().min(1, { error: 'Choose an item.' }).max(400) });

/** The queue page's two actions, each on one item, recorded with who marked it. */
export function queueForm(db: Db, by: { email: string }, now: Date): StaffForm {
  const mark = (state: 'done' | 'snoozed') =>
    formAction(item, async ({ key }) => {
      await markQueueItem(db, key, { state, until: new Date(now.getTime() + HIDE_DAYS[state] * DAY).toISOString() }, by.email, now);
      return { done: state };
    });
  return { actions: { done: mark('done'), snooze: mark('snoozed') } };
}
