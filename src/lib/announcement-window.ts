/**
 * What the banner script needs from the announcements contract, without the schema (no zod in the browser).
 */
export type AnnouncementIcon = 'info' | 'warning' | 'success';

/** What GET /api/announcements returns for each notice. */
export interface PublicAnnouncement {
  /** Changes when the message changes, so a dismissed notice comes back once it says something new. */
  key: string;
  /** The message as safe HTML (inline elements only). */
  html: string;
  icon: AnnouncementIcon;
  /** ISO 8601 date-times; the reader's browser judges them, so a notice starts and ends on time without a rebuild. */
  start?: string;
  end?: string;
  /** Who it is for ("Freelancers"), when it is not for everyone. */
  for?: string;
}

/** Whether an announcement's window contains `now` (ms since epoch). */
export function isActiveAt(window: { start?: string; end?: string }, now: number): boolean {
  return (!window.start || Date.parse(window.start) <= now) && (!window.end || now < Date.parse(window.end));
}

export const USER_TYPE_KEY = 'signpost:userType';
export const ANNOUNCEMENTS_ENDPOINT = '/api/announcements';
