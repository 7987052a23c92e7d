import type { AnnouncementIcon, PublicAnnouncement } from './announcement-window.ts';
import { escapeHtml as attribute } from './escape-html.ts';

/** Stroke icons (24×24), decorative: the spoken prefix says the same. */
const ICONS: Record<AnnouncementIcon, string> = {
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
  warning: 'M12 3 2 20h20zM12 10v4M12 17v.5',
  success: 'M4 12.5 9.5 18 20 6',
};

/**
 * The words around a notice, from the message catalogue: Announcements.astro passes them, and puts them in a data
 * attribute for the notices script. "For {audiences}." comes in pieces, null where the audiences go, so article
 * pages need no message formatter in the browser.
 */
export interface NoticeWords {
  /** What a screen reader says before the message, for each icon. */
  kinds: Record<AnnouncementIcon, string>;
  dismiss: string;
  for: (string | null)[];
}

/**
 * One notice as a list item, the same whether the server renders it into the page or the notices script adds
 * it later. The data attributes let the browser judge it (window, user type, dismissed); `notice.html` is
 * already safe. Dismiss starts hidden where the page may be read without JavaScript.
 */
export function noticeItem(
  notice: PublicAnnouncement,
  id: string,
  options: { hidden: boolean; dismissHidden: boolean },
  words: NoticeWords,
): string {
  const data = [
    ['key', notice.key],
    ['start', notice.start],
    ['end', notice.end],
    ['user-types', notice.userTypes?.join(' ')],
    ['prefers', notice.prefers],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => ` data-${name}="${attribute(value!)}"`)
    .join('');
  const audiences = notice.for?.toLowerCase();
  const forWhom = audiences
    ? `<span class="announcement-for"> ${attribute(words.for.map((piece) => piece ?? audiences).join(''))}</span>`
    : '';
  return (
    `<li class="announcement announcement-${notice.icon}"${data}${notice.prefers ? ` lang="${attribute(notice.prefers)}"` : ''}${options.hidden ? ' hidden' : ''}>` +
    `<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="${ICONS[notice.icon]}"/></svg>` +
    `<p id="${id}"><span class="sr-only">${attribute(words.kinds[notice.icon])}: </span>${notice.html}${forWhom}</p>` +
    `<button type="button" class="secondary" aria-label="${attribute(words.dismiss)}" aria-describedby="${id}"${options.dismissHidden ? ' hidden' : ''}>×</button>` +
    '</li>'
  );
}
