import type { AnnouncementFields } from '../../lib/announcements.ts';

/** An announcement from either source, with the id that names it. */
export interface Candidate extends AnnouncementFields {
  id: string;
}

/** What is known about the reader: a country (ISO code) from the operator's header, a user type they picked. */
export interface Reader {
  country: string | undefined;
  userType: string | undefined;
}

/**
 * Announcements to send a reader: not ended at `now`, starting within `lookaheadMs` (the browser then shows
 * each exactly from its start, by its own clock), and meant for the reader's country and user type.
 * An unknown country sees only notices for all countries. A reader who has not picked a user type sees
 * notices for every user type (labelled with whom they are for), so nobody misses one by not choosing.
 */
export function selectAnnouncements(candidates: Candidate[], reader: Reader, now: number, lookaheadMs: number): Candidate[] {
  return candidates.filter(
    (a) =>
      (!a.end || Date.parse(a.end) > now) &&
      (!a.start || Date.parse(a.start) <= now + lookaheadMs) &&
      (a.countries === 'all' || (reader.country !== undefined && a.countries.includes(reader.country))) &&
      (a.userTypes === 'all' || reader.userType === undefined || a.userTypes.includes(reader.userType)),
  );
}

/** The reader's country from the header value a CDN sets; "XX" and "T1" are CDN codes for unknown and Tor. */
export function countryFrom(headerValue: string | null): string | undefined {
  const code = headerValue?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) && code !== 'XX' && code !== 'T1' ? code : undefined;
}

/** How the staff console describes an announcement's window at `now`. */
export function statusAt(window: { start?: string; end?: string }, now: number): 'Scheduled' | 'Active' | 'Ended' {
  if (window.end && Date.parse(window.end) <= now) return 'Ended';
  return window.start && Date.parse(window.start) > now ? 'Scheduled' : 'Active';
}
