/**
 * What the browser needs from the announcements contract, without the schema (no zod in the browser): what a
 * notice looks like, and whether it is for this reader now. Used by both notices scripts (beside
 * src/components/Announcements.astro).
 */
export type AnnouncementIcon = 'info' | 'warning' | 'success';

/** What GET /api/announcements returns for each notice, and what the page's own notices carry. */
export interface PublicAnnouncement {
  /** Changes when the message changes, so a dismissed notice comes back once it says something new. */
  key: string;
  /** The message as safe HTML (inline elements only). */
  html: string;
  icon: AnnouncementIcon;
  /** ISO 8601 date-times; the reader's browser judges them, so a notice starts and ends on time without a rebuild. */
  start?: string;
  end?: string;
  /** The user types it is for (ids), and who that is in words ("Freelancers"), when it is not for everyone. */
  userTypes?: string[];
  for?: string;
  /** Only for a browser whose language is this one (a language code): the suggestion to read the page in it. */
  prefers?: string;
}

/** What this browser knows about its reader: the user type picked under "Show notices for", the notices dismissed. */
export interface Reader {
  userType: string;
  dismissed: string[];
}

export const USER_TYPE_KEY = 'signpost:userType';
export const DISMISSED_KEY = 'signpost:dismissed';
export const ANNOUNCEMENTS_ENDPOINT = '/api/announcements';

/**
 * Whether a notice is for this reader at `at` (ms since epoch): within its window, not dismissed, and for their
 * user type (a reader who picked none sees every user type's notices, labelled with whom they are for).
 */
export function noticeApplies(
  notice: Pick<PublicAnnouncement, 'key' | 'start' | 'end' | 'userTypes'>,
  at: number,
  reader: Reader,
): boolean {
  return (
    (!notice.start || Date.parse(notice.start) <= at) &&
    (!notice.end || at < Date.parse(notice.end)) &&
    !reader.dismissed.includes(notice.key) &&
    (!reader.userType || !notice.userTypes || notice.userTypes.includes(reader.userType))
  );
}

/** The reader as this browser remembers them (localStorage); nobody in particular when storage is blocked. */
export function readReader(): Reader {
  try {
    const dismissed: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) || '[]');
    return { userType: localStorage.getItem(USER_TYPE_KEY) || '', dismissed: Array.isArray(dismissed) ? dismissed : [] };
  } catch {
    return { userType: '', dismissed: [] };
  }
}

/**
 * Shows the page's own notices (the region's first list) that are for this reader now and hides the rest, and
 * offers Dismiss (it needs a script). Returns the keys shown.
 */
export function refineNotices(region: HTMLElement, reader: Reader, at: number): string[] {
  const list = region.firstElementChild as HTMLElement;
  const shown: string[] = [];
  for (const item of Array.from(list.children) as HTMLElement[]) {
    const data = item.dataset;
    // A language suggestion (`data-prefers`, only among the page's own notices) is for a browser in that language.
    item.hidden =
      !noticeApplies({ key: data.key ?? '', start: data.start, end: data.end, userTypes: data.userTypes?.split(' ') }, at, reader) ||
      !navigator.language.startsWith(data.prefers ?? '');
    item.querySelector('button')!.hidden = false;
    if (!item.hidden) shown.push(data.key ?? '');
  }
  list.hidden = shown.length === 0;
  region.hidden = list.hidden && (region.lastElementChild as HTMLElement).hidden;
  return shown;
}
