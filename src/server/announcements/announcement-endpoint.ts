import { jsonResponse } from '../http/responses.ts';
import { defaultLanguage, languageOfParam } from '../../i18n/languages.ts';
import type { AnnouncementSettings } from '../settings.ts';
import { isUserType, publicAnnouncement } from './public-announcement.ts';
import { countryFrom, selectAnnouncements, type Candidate } from './select.ts';

export interface AnnouncementEndpointOptions {
  settings: AnnouncementSettings;
  /** From content/announcements.* (fixed at build time). */
  files: () => Promise<Candidate[]>;
  /** Staff-published ones not ended at `now` and starting before `until`. */
  urgent: (now: Date, until: Date) => Promise<Candidate[]>;
  now?: () => number;
}

/** Notices starting within this window are sent ahead, so each page shows them from their start, by its own clock. */
export const LOOKAHEAD_MS = 60 * 60 * 1000;
/** Staff changes reach every page within a minute. */
const MAX_AGE_SECONDS = 60;

/**
 * GET /api/announcements?userType=…: the notices for this reader, staff-published ones first. Cacheable for a
 * minute (varying on the country header), so pages stay static and a change still reaches them within a minute.
 * Without the database it still serves the file-based notices, for a shorter time.
 */
export function createAnnouncementEndpoint({ settings, files, urgent, now = Date.now }: AnnouncementEndpointOptions) {
  return async function handle(request: Request): Promise<Response> {
    const at = now();
    const asked = new URL(request.url).searchParams;
    const askedType = asked.get('userType') ?? '';
    // `?lang=<code>`: the messages in that language of the site (each announcement's own, else its `message`).
    const lang = languageOfParam(asked.get('lang') ?? undefined) ?? defaultLanguage;
    const reader = {
      country: settings.countryHeader ? countryFrom(request.headers.get(settings.countryHeader)) : undefined,
      userType: isUserType(askedType) ? askedType : undefined,
    };
    let maxAge = MAX_AGE_SECONDS;
    let published: Candidate[] = [];
    try {
      published = await urgent(new Date(at), new Date(at + LOOKAHEAD_MS));
    } catch (error) {
      console.error(`staff announcements unavailable: ${error instanceof Error ? error.message : String(error)}`);
      maxAge = 10;
    }
    const announcements = selectAnnouncements([...published, ...(await files())], reader, at, LOOKAHEAD_MS).map((a) =>
      publicAnnouncement(a, lang.code),
    );
    const headers: Record<string, string> = { 'Cache-Control': `public, max-age=${maxAge}` };
    if (settings.countryHeader) headers.Vary = settings.countryHeader;
    return jsonResponse(200, { announcements }, headers);
  };
}
