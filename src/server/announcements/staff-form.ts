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
import { otherLanguages } from '../../i18n/languages.ts';
import type { FormProblem } from '../staff/form-post.ts';

/**
 * The message in each language but the default, each in a box of its own named `message-<code>` (`message-es`);
 * empty means readers of that language see the default language's message. The console names them in English.
 */
export const translatedMessageFields = otherLanguages.map(({ code }) => ({
  code,
  field: `message-${code}`,
  language: new Intl.DisplayNames('en', { type: 'language' }).of(code) ?? code,
}));

/** The staff console's announcement form, as typed: strings, so it can be shown again with errors. */
export interface AnnouncementFormValues {
  /** The announcement being edited; empty for a new one. */
  id: string;
  message: string;
  /** The message in other languages, by language code; '' for one left to the default message. */
  messages: Record<string, string>;
  icon: string;
  /** The start's UTC date, "2026-12-24", and 24-hour time, "18:00"; both empty = now. */
  startDate: string;
  startTime: string;
  /** As the start; both empty = until ended. */
  endDate: string;
  endTime: string;
  /** "GB, IE"; empty = every country. */
  countries: string;
  /** Audience ids ticked; none = every user type. */
  userTypes: string[];
}

export const emptyAnnouncementForm: AnnouncementFormValues = {
  id: '',
  message: '',
  messages: {},
  icon: 'info',
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  countries: '',
  userTypes: [],
};

export function announcementFormValues(form: URLSearchParams): AnnouncementFormValues {
  return {
    id: form.get('id') ?? '',
    message: form.get('message') ?? '',
    messages: Object.fromEntries(translatedMessageFields.map(({ code, field }) => [code, form.get(field) ?? ''])),
    icon: form.get('icon') ?? '',
    startDate: form.get('startDate') ?? '',
    startTime: form.get('startTime') ?? '',
    endDate: form.get('endDate') ?? '',
    endTime: form.get('endTime') ?? '',
    countries: form.get('countries') ?? '',
    userTypes: form.getAll('userTypes'),
  };
}

/** The form's values for an existing announcement (its times as UTC dates and 24-hour times). */
export function formValuesOf(announcement: AnnouncementFields & { id: string }): AnnouncementFormValues {
  const date = (iso?: string) => (iso ? iso.slice(0, 10) : '');
  const time = (iso?: string) => (iso ? iso.slice(11, 16) : '');
  return {
    id: announcement.id,
    message: announcement.message,
    messages: { ...announcement.messages } as Record<string, string>,
    icon: announcement.icon,
    startDate: date(announcement.start),
    startTime: time(announcement.start),
    endDate: date(announcement.end),
    endTime: time(announcement.end),
    countries: announcement.countries === 'all' ? '' : announcement.countries.join(', '),
    userTypes: announcement.userTypes === 'all' ? [] : announcement.userTypes,
  };
}

/** A message box: its text, trimmed, within the length announcements allow; `name` starts its errors. */
const messageBox = (name: string) =>
  z
    .string()
    .trim()
    .max(ANNOUNCEMENT_MESSAGE_MAX, { error: `${name} must be ${ANNOUNCEMENT_MESSAGE_MAX} characters or fewer` })
    .refine((message) => !hasControlCharacters(message), { error: controlCharactersProblem(name) });

/** A UTC date box, YYYY-MM-DD: empty, or a real calendar date. */
const dateBox = (which: 'start' | 'end') =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || utcDate(value) !== null, {
      error: `Enter the ${which} date as year-month-day (UTC), like 2026-12-24`,
    });

/** A UTC time box, 24-hour HH:MM: empty, or a time from 00:00 to 23:59. */
const timeBox = (which: 'start' | 'end') =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || utcTime(value) !== null, {
      error: `Enter the ${which} time as hours and minutes, 24-hour (UTC), like 18:00`,
    });

const untouched = (payload: { issues: { path?: PropertyKey[] }[] }, ...fields: string[]) =>
  !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));

/**
 * The form's checks, with messages written to be read next to each field (GOV.UK style). `announcementOf` then
 * hands the result to the schema the announcement files use, so both sources keep one contract.
 */
export function announcementFormSchema(now: Date) {
  const translated = Object.fromEntries(
    translatedMessageFields.map(({ field, language }) => [field, messageBox(`Message in ${language}`).optional().default('')]),
  );
  return z
    .object({
      id: z.string(),
      message: messageBox('Message').min(1, { error: 'Enter the message' }),
      ...translated,
      icon: z.enum(ANNOUNCEMENT_ICONS, { error: 'Select the kind of announcement' }),
      startDate: dateBox('start'),
      startTime: timeBox('start'),
      endDate: dateBox('end'),
      endTime: timeBox('end'),
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
    .refine(({ startDate, startTime }) => !(startTime && !startDate), {
      path: ['startDate'],
      error: 'Enter the start date as well as its time, like 2026-12-24',
      when: (payload) => untouched(payload, 'startDate', 'startTime'),
    })
    .refine(({ startDate, startTime }) => !(startDate && !startTime), {
      path: ['startTime'],
      error: 'Enter the start time as well as its date, like 18:00',
      when: (payload) => untouched(payload, 'startDate', 'startTime'),
    })
    .refine(({ endDate, endTime }) => !(endTime && !endDate), {
      path: ['endDate'],
      error: 'Enter the end date as well as its time, like 2026-12-24',
      when: (payload) => untouched(payload, 'endDate', 'endTime'),
    })
    .refine(({ endDate, endTime }) => !(endDate && !endTime), {
      path: ['endTime'],
      error: 'Enter the end time as well as its date, like 18:00',
      when: (payload) => untouched(payload, 'endDate', 'endTime'),
    })
    .refine(
      (form) => {
        const start = utcDateTime(form.startDate, form.startTime);
        const end = utcDateTime(form.endDate, form.endTime);
        return !(start && end && end <= start);
      },
      {
        path: ['endDate'],
        error: 'The end must be after the start',
        when: (payload) => untouched(payload, 'startDate', 'startTime', 'endDate', 'endTime'),
      },
    )
    .refine(({ endDate, endTime }) => !(utcDateTime(endDate, endTime) && utcDateTime(endDate, endTime) <= now.toISOString()), {
      path: ['endDate'],
      error: 'The end must be in the future. To stop an announcement now, end it from the list',
      when: (payload) => untouched(payload, 'endDate', 'endTime'),
    });
}

export type AnnouncementForm = z.output<ReturnType<typeof announcementFormSchema>>;

/** The checked form as an announcement, through the announcement files' own schema. */
export function announcementOf(form: AnnouncementForm): AnnouncementFields | FormProblem {
  const { message, icon, startDate, startTime, endDate, endTime, countries, userTypes } = form;
  const fields = form as Record<string, unknown>;
  const messages = Object.fromEntries(
    translatedMessageFields.flatMap(({ code, field }) =>
      typeof fields[field] === 'string' && fields[field] ? [[code, fields[field]]] : [],
    ),
  );
  const parsed = announcementFieldsSchema.safeParse({
    message,
    ...(Object.keys(messages).length > 0 ? { messages } : {}),
    icon,
    start: utcDateTime(startDate, startTime) || undefined,
    end: utcDateTime(endDate, endTime) || undefined,
    audience: { countries: countries.length ? [...new Set(countries)] : 'all', userTypes: userTypes.length ? userTypes : 'all' },
  });
  if (!parsed.success) return { status: 422, errors: { message: parsed.error.issues[0].message } };
  return flattenAudience(parsed.data);
}

/** "2026-12-24" as that day (UTC), or null when it is not a real date written year-month-day. */
function utcDate(raw: string): { year: number; month: number; day: number } | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
}

/** "18:00" (or "9:05") as hours and minutes, or null when it is not a 24-hour time. */
function utcTime(raw: string): { hours: number; minutes: number } | null {
  const parts = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!parts) return null;
  const [hours, minutes] = parts.slice(1).map(Number);
  return hours <= 23 && minutes <= 59 ? { hours, minutes } : null;
}

/** A date box and a time box, both UTC, as an ISO string; '' unless both hold valid values. */
export function utcDateTime(date: string, time: string): string {
  const day = utcDate(date);
  const clock = utcTime(time);
  if (!day || !clock) return '';
  return new Date(Date.UTC(day.year, day.month - 1, day.day, clock.hours, clock.minutes)).toISOString();
}
