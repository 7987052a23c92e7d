import { createHash } from 'node:crypto';
import type { PublicAnnouncement } from '../../lib/announcement-window.ts';
import { site } from '../../site.config.ts';
import { renderInlineMarkdown } from '../../lib/markdown/html.ts';
import { list } from '../../i18n/messages.ts';
import type { Candidate } from './select.ts';

const labels = new Map(site.audiences.map((a) => [a.id, a.label]));

/** An announcement as readers get it: from GET /api/announcements, and in the pages' own notices. */
export function publicAnnouncement(a: Candidate): PublicAnnouncement {
  return {
    key: `${a.id}:${createHash('sha256').update(a.message).digest('base64url').slice(0, 8)}`,
    html: renderInlineMarkdown(a.message),
    icon: a.icon,
    ...(a.start ? { start: a.start } : {}),
    ...(a.end ? { end: a.end } : {}),
    ...(a.userTypes === 'all' ? {} : { userTypes: a.userTypes, for: list(a.userTypes.map((id) => labels.get(id) ?? id)) }),
  };
}

/** Whether `audience` is a known user type: the endpoint ignores any other. */
export function isUserType(audience: string): boolean {
  return labels.has(audience);
}
