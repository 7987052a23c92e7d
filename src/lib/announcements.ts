import { z } from 'astro/zod';
import { audienceIds, languageCodes } from '../site.config.ts';
import type { AnnouncementIcon } from './announcement-window.ts';

/**
 * Site-wide notices: from `content/announcements.yaml` (editors) or published by staff (stored in the
 * database). Both have the same fields; this file is their contract.
 */
export const ANNOUNCEMENT_ICONS = ['info', 'warning', 'success'] as const satisfies readonly AnnouncementIcon[];
export const ANNOUNCEMENT_MESSAGE_MAX = 300;

/** "all", or the listed ISO country codes / audience ids. */
export type Audience = 'all' | string[];

export interface AnnouncementFields {
  /** Inline Markdown: emphasis, code and links. */
  message: string;
  icon: AnnouncementIcon;
  /** ISO 8601 date-times (UTC); absent = from now on / until ended. */
  start?: string;
  end?: string;
  countries: Audience;
  userTypes: Audience;
  /** The message in other languages of the site, by language code (src/site.config.ts `languages`); optional. */
  messages?: Partial<Record<string, string>>;
}

const isoDateTime = z.preprocess(
  // YAML may read an unquoted date-time as a Date.
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z.iso
    .datetime({ offset: true, error: 'use an ISO 8601 date-time with a time zone, such as 2026-03-01T09:00:00Z' })
    .transform((value) => new Date(value).toISOString()),
);

export const countryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'use two-letter ISO 3166-1 country codes in capitals, such as GB' });

const fields = {
  message: z
    .string()
    .trim()
    .min(1, { error: 'write a message' })
    .max(ANNOUNCEMENT_MESSAGE_MAX, { error: `keep the message to ${ANNOUNCEMENT_MESSAGE_MAX} characters or fewer` }),
  /** In other languages: `messages: { es: "…" }`; a language without one shows `message`. */
  messages: z
    .partialRecord(
      z.enum(languageCodes),
      z
        .string()
        .trim()
        .min(1)
        .max(ANNOUNCEMENT_MESSAGE_MAX, { error: `keep the message to ${ANNOUNCEMENT_MESSAGE_MAX} characters or fewer` }),
    )
    .optional(),
  icon: z.enum(ANNOUNCEMENT_ICONS).default('info'),
  start: isoDateTime.optional(),
  end: isoDateTime.optional(),
  /** Who sees it, as in the reference's banner groups: countries and user types, each a list or "all". */
  audience: z
    .strictObject({
      countries: z.union([z.literal('all'), z.array(countryCode).min(1)]).default('all'),
      userTypes: z.union([z.literal('all'), z.array(z.enum(audienceIds)).min(1)]).default('all'),
    })
    .default({ countries: 'all', userTypes: 'all' }),
};
const endAfterStart = (a: { start?: string; end?: string }) => !a.start || !a.end || a.end > a.start;
const endAfterStartError = { error: 'end must be after start', path: ['end'] };

/** The fields as editors write them. */
export const announcementFieldsSchema = z.strictObject(fields).refine(endAfterStart, endAfterStartError);

/** `content/announcements.yaml`: a list of announcements, each with an id that names it for good. */
export const announcementFileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'use lowercase words joined by hyphens, e.g. "payments-maintenance"' }),
    ...fields,
  })
  .refine(endAfterStart, endAfterStartError);

export function flattenAudience(data: z.infer<typeof announcementFieldsSchema>): AnnouncementFields {
  const { message, messages, icon, start, end, audience } = data;
  return { message, icon, start, end, countries: audience.countries, userTypes: audience.userTypes, ...(messages ? { messages } : {}) };
}
