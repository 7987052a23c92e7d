import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import type { FieldErrors } from '../../lib/contact-form.ts';
import {
  ANNOUNCEMENT_ICONS,
  ANNOUNCEMENT_MESSAGE_MAX,
  announcementFieldsSchema,
  flattenAudience,
  type AnnouncementFields,
} from '../../lib/announcements.ts';
import { audienceIds } from '../../site.config.ts';

/** The staff console's announcement form, as typed: strings, so it can be shown again with errors. */
export interface AnnouncementFormValues {
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
  message: '',
  icon: 'info',
  start: '',
  end: '',
  countries: '',
  userTypes: [],
};

export function announcementFormValues(form: URLSearchParams): AnnouncementFormValues {
  return {
    message: form.get('message') ?? '',
    icon: form.get('icon') ?? '',
    start: form.get('start') ?? '',
    end: form.get('end') ?? '',
    countries: form.get('countries') ?? '',
    userTypes: form.getAll('userTypes'),
  };
}

/** The form's values for an existing announcement (date-times shown in the box's UTC format). */
export function formValuesOf(fields: AnnouncementFields): AnnouncementFormValues {
  const box = (iso?: string) => (iso ? iso.slice(0, 16) : '');
  return {
    message: fields.message,
    icon: fields.icon,
    start: box(fields.start),
    end: box(fields.end),
    countries: fields.countries === 'all' ? '' : fields.countries.join(', '),
    userTypes: fields.userTypes === 'all' ? [] : fields.userTypes,
  };
}

/**
 * Checks the form, with messages written to be read next to each field (GOV.UK style), then hands the result
 * to the same schema the announcement files use, so both sources keep one contract.
 */
export function parseAnnouncementForm(
  values: AnnouncementFormValues,
  now: Date,
): { ok: true; fields: AnnouncementFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const message = values.message.trim();
  if (!message) errors.message = 'Enter the message';
  else if (message.length > ANNOUNCEMENT_MESSAGE_MAX) errors.message = `Message must be ${ANNOUNCEMENT_MESSAGE_MAX} characters or fewer`;
  else if (hasControlCharacters(message)) errors.message = controlCharactersProblem('Message');
  if (!(ANNOUNCEMENT_ICONS as readonly string[]).includes(values.icon)) errors.icon = 'Select the kind of announcement';
  const start = dateTime(values.start);
  if (start === null) errors.start = 'Enter the start as a date and time, like 2026-03-01T09:00';
  const end = dateTime(values.end);
  if (end === null) errors.end = 'Enter the end as a date and time, like 2026-03-01T18:00';
  else if (end && start && end <= start) errors.end = 'The end must be after the start';
  else if (end && end <= now.toISOString()) errors.end = 'The end must be in the future. To stop an announcement now, end it from the list';
  const countries = values.countries
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  if (countries.some((c) => !/^[A-Z]{2}$/.test(c)))
    errors.countries = 'Enter countries as two-letter codes separated by commas, like GB, IE';
  const userTypes = values.userTypes.filter((t) => audienceIds.includes(t));
  if (userTypes.length !== values.userTypes.length) errors.userTypes = 'Select user types from the list';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = announcementFieldsSchema.safeParse({
    message,
    icon: values.icon,
    start: start || undefined,
    end: end || undefined,
    audience: { countries: countries.length ? [...new Set(countries)] : 'all', userTypes: userTypes.length ? userTypes : 'all' },
  });
  if (!parsed.success) return { ok: false, errors: { message: parsed.error.issues[0].message } };
  return { ok: true, fields: flattenAudience(parsed.data) };
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
