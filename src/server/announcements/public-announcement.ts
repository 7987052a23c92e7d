import { createHash } from 'node:crypto';
import type { PublicAnnouncement } from '../../lib/announcement-window.ts';
import { renderInlineMarkdown } from '../../lib/markdown/html.ts';
import { defaultLanguage } from '../../i18n/languages.ts';
import { messagesFor } from '../../i18n/messages.ts';
import { siteText } from '../../i18n/site-text.ts';
import { audienceIds } from '../../site.config.ts';
import type { Candidate } from './select.ts';

/**
 * An announcement as readers get it: from GET /api/announcements, and in the pages' own notices, in language `lang`
 * (its `messages` entry for that language, else `message`).
 */
export function publicAnnouncement(a: Candidate, lang: string = defaultLanguage.code): PublicAnnouncement {
  const message = a.messages?.[lang] ?? a.message;
  const { list } = messagesFor(lang);
  const { audienceLabel } = siteText(lang);
  return {
    key: `${a.id}:${createHash('sha256').update(message).digest('base64url').slice(0, 8)}`,
    html: renderInlineMarkdown(message),
    icon: a.icon,
    ...(a.start ? { start: a.start } : {}),
    ...(a.end ? { end: a.end } : {}),
    ...(a.userTypes === 'all' ? {} : { userTypes: a.userTypes, for: list(a.userTypes.map(audienceLabel)) }),
  };
}

/** Whether `audience` is a known user type: the endpoint ignores any other. */
export function isUserType(audience: string): boolean {
  return audienceIds.includes(audience);
}
