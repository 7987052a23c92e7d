import { z } from 'astro/zod';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import {
  ANNOUNCEMENT_ICONS,
  ANNOUNCEMENT_MESSAGE_MAX,
  announcementFieldsSchema,
  flattenAudience,
  type AnnouncementFields,
} from '../../lib/announcements.ts';
import { audienceIds } from '../../site.config.ts';
import type { FormProblem } from '../staff/form-post.ts';

/** The staff console's announcement form, as typed: strings, so it can be shown again with errors. */
export interface AnnouncementFormValues {
  /** The announcement being edited; empty for a new one. */
  id: string;
  message: string;
  icon: string;
  /** "2026-03-01T09:00" (a datetime-local box, read as UTC) or an ISO date-time with a zone; empty = now. */
  start: string;
  /** As start; empty = until ended. */
  end: string;
  /** "GB, IE"; empty = every country. */
  countries: string;
  /** Audience ids ticked; none = every user type. */
  userTypes: string[];
}

export const emptyAnnouncementForm: AnnouncementFormValues = {
  id: '',
  message: '',
  icon: 'info',
  start: '',
  end: '',
  countries: '',
  userTypes: [],
};

export function announcementFormValues(form: URLSearchParams): AnnouncementFormValues {
  return {
    id: form.get('id') ?? '',
    message: form.get('message') ?? '',
    icon: form.get('icon') ?? '',
    start: form.get('start') ?? '',
    end: form.get('end') ?? '',
    countries: form.get('countries') ?? '',
    userTypes: form.getAll('userTypes'),
  };
}

/** The form's values for an existing announcement (date-times shown in the box's UTC format). */
export function formValuesOf(announcement: AnnouncementFields & { id: string }): AnnouncementFormValues {
  const box = (iso?: string) => (iso ? iso.slice(0, 16) : '');
  return {
    id: announcement.id,
    message: announcement.message,
    icon: announcement.icon,
    start: box(announcement.start),
    end: box(announcement.end),
    countries: announcement.countries === 'all' ? '' : announcement.countries.join(', '),
    userTypes: announcement.userTypes === 'all' ? [] : announcement.userTypes,
  };
}

/** A date-time box: '' when empty, else an ISO string (a datetime-local value has no zone: the form says UTC). */
const dateTimeBox = (error: string) =>
  z
    .string()
    .trim()
    .refine((value) => dateTime(value) !== null, { error })
    .transform((value) => dateTime(value) ?? '');

const untouched = (payload: { issues: { path?: PropertyKey[] }[] }, ...fields: string[]) =>
  !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

/**
 * The form's checks, with messages written to be read next to each field (GOV.UK style). `announcementOf` then
 * hands the result to the schema the announcement files use, so both sources keep one contract.
 */
export function announcementFormSchema(now: Date) {
  return z
    .object({
      id: z.string(),
      message: z
        .string()
        .trim()
        .min(1, { error: 'Enter the message' })
        .max(ANNOUNCEMENT_MESSAGE_MAX, { error: `Message must be ${ANNOUNCEMENT_MESSAGE_MAX} characters or fewer` })
        .refine((message) => !hasControlCharacters(message), { error: controlCharactersProblem('Message') }),
      icon: z.enum(ANNOUNCEMENT_ICONS, { error: 'Select the kind of announcement' }),
      start: dateTimeBox('Enter the start as a date and time, like 2026-03-01T09:00'),
      end: dateTimeBox('Enter the end as a date and time, like 2026-03-01T18:00'),
      countries: z
        .string()
        .transform((list) =>
          list
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((c) => c.toUpperCase()),
        )
        .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, { error: 'Enter countries as two-letter codes separated by commas, like GB, IE' }))),
      userTypes: z.array(z.enum(audienceIds, { error: 'Select user types from the list' })),
    })
    .refine(({ start, end }) => !(start && end && end <= start), {
      path: ['end'],
      error: 'The end must be after the start',
      when: (payload) => untouched(payload, 'start', 'end'),
    })
    .refine(({ end }) => !(end && end <= now.toISOString()), {
      path: ['end'],
      error: 'The end must be in the future. To stop an announcement now, end it from the list',
      when: (payload) => untouched(payload, 'end'),
    });
}

export type AnnouncementForm = z.output<ReturnType<typeof announcementFormSchema>>;

/** The checked form as an announcement, through the announcement files' own schema. */
export function announcementOf({ message, icon, start, end, countries, userTypes }: AnnouncementForm): AnnouncementFields | FormProblem {
  const parsed = announcementFieldsSchema.safeParse({
    message,
    icon,
    start: start || undefined,
    end: end || undefined,
    audience: { countries: countries.length ? [...new Set(countries)] : 'all', userTypes: userTypes.length ? userTypes : 'all' },
  });
  if (!parsed.success) return { status: 422, errors: { message: parsed.error.issues[0].message } };
  return flattenAudience(parsed.data);
}

/** An ISO string for a date-time box's value; '' when empty; null when it is not a date-time. */
function dateTime(raw: string): string | '' | null {
  const value = raw.trim();
  if (!value) return '';
  // A datetime-local box has no zone: the form says its times are UTC.
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value}Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(withZone)) return null;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
