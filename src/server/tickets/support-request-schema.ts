import { z } from 'astro/zod';
import { ACCOUNT_EMAILS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, type FieldErrors } from '../../lib/contact-form.ts';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import { topicIds } from '../../site.config.ts';
import { transcriptSchema, validateTranscript } from '../../troubleshooter/transcript.ts';
import type { FlowFile } from '../../troubleshooter/flow-schema.ts';

export type Flows = Map<string, Pick<FlowFile, 'steps'>>;

/**
 * Messages follow GOV.UK's error message guidance: each names its field as the form labels it and says how to fix
 * the problem, so two problems never read the same in the error summary. Wrong types only come from JSON clients.
 */
const text = (missing: string, notText: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : notText) }).trim();

/** An email field: `field` as it starts a sentence ("Your email address", "Address 2"). */
const emailMessages = (field: string) => ({
  missing: `Enter ${lowerFirst(field)}`,
  notText: `Enter ${lowerFirst(field)} as text`,
  tooLong: `${field} must be 254 characters or fewer`,
  format: `Enter ${lowerFirst(field)} in the correct format, like name@example.com`,
});
const lowerFirst = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);

const contactEmail = emailMessages('Your email address');
/** The account address boxes are labelled "Address 1", "Address 2", …: the issue's path says which box. */
const accountEmail = (issue: { path?: PropertyKey[] }) => {
  const index = issue.path?.at(-1);
  return emailMessages(typeof index === 'number' ? `Address ${index + 1}` : 'Each address');
};

/** What a reader sends. */
export const supportRequestSchema = z.object({
  name: text('', 'Enter your name as text')
    .max(200, { error: 'Name must be 200 characters or fewer' })
    .refine((name) => !hasControlCharacters(name), { error: controlCharactersProblem('Name') })
    .default(''),
  email: text(contactEmail.missing, contactEmail.notText)
    .min(1, { error: contactEmail.missing })
    .max(254, { error: contactEmail.tooLong })
    .pipe(z.email({ error: contactEmail.format })),
  accountEmails: z
    .array(
      z
        .string({ error: (issue) => accountEmail(issue).notText })
        .trim()
        .max(254, { error: (issue) => accountEmail(issue).tooLong })
        // A blank box is no address; dropped below.
        .pipe(z.union([z.literal(''), z.email({ error: (issue) => accountEmail(issue).format })])),
      { error: 'Enter the email addresses your account may use as a list' },
    )
    .max(ACCOUNT_EMAILS_MAX, { error: `Enter up to ${ACCOUNT_EMAILS_MAX} email addresses your account may use` })
    .default([])
    // Dropped after checking, so errors keep their box's index.
    .transform((list) => list.filter((address) => address !== '')),
  topic: z.enum(topicIds, { error: 'Select what your request is about' }),
  description: text('Enter a description of the problem', 'Enter a description of the problem as text')
    .min(1, { error: 'Enter a description of the problem' })
    .min(DESCRIPTION_MIN, { error: `Description must be ${DESCRIPTION_MIN} characters or more` })
    .max(DESCRIPTION_MAX, { error: `Description must be ${DESCRIPTION_MAX.toLocaleString('en')} characters or fewer` })
    .refine((description) => !hasControlCharacters(description), { error: controlCharactersProblem('Description') }),
  transcript: transcriptSchema.nullish().transform((t) => t ?? null),
  consent: z.literal(true, { error: 'Confirm that we may contact you about this request' }),
});

export type SupportRequest = z.infer<typeof supportRequestSchema>;

/**
 * The contact form's fields under their JSON names, as strings give them: repeated accountEmails, the consent
 * box as present or not, the transcript as JSON text; with the spam signals (the honeypot, the start time).
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

/** Checks a submission's fields, including its troubleshooter path against the flow it names. */
export function parseSupportRequest(
  fields: unknown,
  flows: Flows,
): { ok: true; value: SupportRequest } | { ok: false; errors: FieldErrors } {
  const result = supportRequestSchema.safeParse(fields);
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

function transcriptMessage(detail: string): string {
  return `The troubleshooter answers could not be attached (${detail}). Go back to the troubleshooter, or send this form without them.`;
}
