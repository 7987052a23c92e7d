import { z } from 'astro/zod';
import { ACCOUNT_EMAILS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, type FieldErrors } from '../../lib/contact-form.ts';
import { hasControlCharacters } from '../../lib/control-characters.ts';
import { defaultLanguage, languages } from '../../i18n/languages.ts';
import { messagesFor, type MessageKey, type Messages } from '../../i18n/messages.ts';
import { topicIds } from '../../site.config.ts';
import { transcriptSchema, validateTranscript } from '../../troubleshooter/transcript.ts';
import type { Flows } from '../../troubleshooter/walk.ts';

export type { Flows };

/**
 * Messages follow GOV.UK's error message guidance: each names its field as the form labels it and says how to fix
 * the problem, so two problems never read the same in the error summary. Wrong types only come from JSON clients.
 */
const text = (missing: string, notText: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : notText) }).trim();

const NAME_MAX = 200;
const EMAIL_MAX = 254;
/**
 * The account address boxes are labelled "Address 1", "Address 2", …: the issue's path says which box (the second
 * key of each pair is for when it does not).
 */
const ACCOUNT_EMAIL_ERRORS = {
  notText: ['contact.account-email.error.not-text', 'contact.account-emails.error.not-text'],
  tooLong: ['contact.account-email.error.too-long', 'contact.account-emails.error.too-long'],
  format: ['contact.account-email.error.format', 'contact.account-emails.error.format'],
} as const satisfies Record<string, [MessageKey, MessageKey]>;

/** What a reader sends, its error messages in the words of one language. */
function schemaIn({ t }: Messages) {
  const accountEmail = (problem: keyof typeof ACCOUNT_EMAIL_ERRORS) => (issue: { path?: PropertyKey[] }) => {
    const index = issue.path?.at(-1);
    const [oneBox, anyBox] = ACCOUNT_EMAIL_ERRORS[problem];
    return typeof index === 'number' ? t(oneBox, { number: index + 1, max: EMAIL_MAX }) : t(anyBox, { max: EMAIL_MAX });
  };
  const emailMissing = t('contact.email.error.missing');
  return z.object({
    name: text('', t('contact.name.error.not-text'))
      .max(NAME_MAX, { error: t('contact.name.error.too-long', { max: NAME_MAX }) })
      .refine((name) => !hasControlCharacters(name), { error: t('contact.name.error.control-characters') })
      // It goes into email headers (To:), where a line break could add headers of its own.
      .refine((name) => !/[\r\n]/.test(name), { error: t('contact.name.error.line-break') })
      .default(''),
    email: text(emailMissing, t('contact.email.error.not-text'))
      .min(1, { error: emailMissing })
      .max(EMAIL_MAX, { error: t('contact.email.error.too-long', { max: EMAIL_MAX }) })
      .pipe(z.email({ error: t('contact.email.error.format') })),
    accountEmails: z
      .array(
        z
          .string({ error: accountEmail('notText') })
          .trim()
          .max(EMAIL_MAX, { error: accountEmail('tooLong') })
          // A blank box is no address; dropped below.
          .pipe(z.union([z.literal(''), z.email({ error: accountEmail('format') })])),
        { error: t('contact.account-emails.error.not-list') },
      )
      .max(ACCOUNT_EMAILS_MAX, { error: t('contact.account-emails.error.too-many', { max: ACCOUNT_EMAILS_MAX }) })
      .default([])
      // Dropped after checking, so errors keep their box's index.
      .transform((list) => list.filter((address) => address !== '')),
    topic: z.enum(topicIds, { error: t('contact.topic.error.missing') }),
    description: text(t('contact.description.error.missing'), t('contact.description.error.not-text'))
      .min(1, { error: t('contact.description.error.missing') })
      .min(DESCRIPTION_MIN, { error: t('contact.description.error.too-short', { min: DESCRIPTION_MIN }) })
      .max(DESCRIPTION_MAX, { error: t('contact.description.error.too-long', { max: DESCRIPTION_MAX }) })
      .refine((description) => !hasControlCharacters(description), { error: t('contact.description.error.control-characters') }),
    transcript: transcriptSchema.nullish().transform((transcript) => transcript ?? null),
    consent: z.literal(true, { error: t('contact.consent.error.missing') }),
  });
}

/** The schema in each configured language, made once. */
const schemas = new Map(languages.map(({ code }) => [code, schemaIn(messagesFor(code))]));

/** What a reader sends (its messages in the default language). */
export const supportRequestSchema = schemas.get(defaultLanguage.code)!;

export type SupportRequest = z.infer<typeof supportRequestSchema>;

/**
 * The contact form's fields under their JSON names, as strings give them: repeated accountEmails, the consent
 * box as present or not, the transcript as JSON text; the language the page set; with the spam signals (the
 * honeypot, the start time).
 */
export function supportRequestFieldsFromForm(form: URLSearchParams): Record<string, unknown> {
  const optional = (name: string) => form.get(name) ?? undefined;
  return {
    name: optional('name'),
    email: optional('email'),
    accountEmails: form.getAll('accountEmails'),
    topic: optional('topic'),
    description: optional('description'),
    transcript: transcriptFromField(form.get('transcript')),
    consent: form.has('consent'),
    language: optional('language'),
    website: optional('website'),
    startedAt: optional('startedAt') === undefined ? undefined : Number(form.get('startedAt')),
  };
}

function transcriptFromField(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value; // fails the transcript schema, which says so next to the form
  }
}

/**
 * Checks a submission's fields, including its troubleshooter path against the flow it names; its messages in
 * language `language` (a configured one).
 */
export function parseSupportRequest(
  fields: unknown,
  flows: Flows,
  language: string = defaultLanguage.code,
): { ok: true; value: SupportRequest } | { ok: false; errors: FieldErrors } {
  const { t } = messagesFor(language);
  const transcriptMessage = (detail: string) => t('contact.transcript.error', { detail });
  const result = (schemas.get(language) ?? supportRequestSchema).safeParse(fields);
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [field, index] = issue.path;
      // Transcript details are not a field the reader can fix, so they share one message.
      const key = field === 'transcript' ? 'transcript' : typeof index === 'number' ? `${String(field)}.${index}` : String(field ?? '');
      errors[key] ??= field === 'transcript' ? transcriptMessage(issue.message) : issue.message;
    }
  }
  // Checked even when other fields failed, so every problem is reported at once.
  const transcript = transcriptSchema.nullish().safeParse((fields as { transcript?: unknown } | null)?.transcript).data;
  const problems = transcript ? validateTranscript(transcript, flows) : [];
  if (problems.length > 0) errors.transcript = transcriptMessage(problems[0].message);
  return result.success && problems.length === 0 ? { ok: true, value: result.data } : { ok: false, errors };
}
