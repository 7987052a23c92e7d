import { z } from 'astro/zod';
import { ACCOUNT_EMAILS_MAX, DESCRIPTION_MAX, DESCRIPTION_MIN, type FieldErrors } from '../../lib/contact-form.ts';
import { controlCharactersProblem, hasControlCharacters } from '../../lib/control-characters.ts';
import { topicIds } from '../../site.config.ts';
import { transcriptSchema, validateTranscript } from '../../troubleshooter/transcript.ts';
import type { FlowFile } from '../../troubleshooter/flow-schema.ts';

export type Flows = Map<string, Pick<FlowFile, 'steps'>>;

const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';

const text = (missing: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : 'Enter text') }).trim();
const email = (missing: string) =>
  text(missing)
    .min(1, { error: missing })
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .pipe(z.email({ error: EMAIL_FORMAT }));

/** What a reader sends; messages are written to be read next to the field (GOV.UK style). */
export const escalationSchema = z.object({
  name: text('')
    .max(200, { error: 'Name must be 200 characters or fewer' })
    .refine((name) => !hasControlCharacters(name), { error: controlCharactersProblem('Name') })
    .default(''),
  email: email('Enter your email address'),
  accountEmails: z
    .array(z.union([z.string().trim().length(0), email(EMAIL_FORMAT)], { error: EMAIL_FORMAT }), {
      error: 'Enter a list of email addresses',
    })
    .max(ACCOUNT_EMAILS_MAX, { error: `List up to ${ACCOUNT_EMAILS_MAX} email addresses` })
    .default([])
    // Blank boxes of the plain form are not addresses; dropped after checking, so errors keep their box's index.
    .transform((list) => list.filter((address) => address !== '')),
  topic: z.enum(topicIds, { error: 'Select what your request is about' }),
  description: text('Describe the problem')
    .min(1, { error: 'Describe the problem' })
    .min(DESCRIPTION_MIN, { error: `Description must be ${DESCRIPTION_MIN} characters or more` })
    .max(DESCRIPTION_MAX, { error: `Description must be ${DESCRIPTION_MAX.toLocaleString('en')} characters or fewer` })
    .refine((description) => !hasControlCharacters(description), { error: controlCharactersProblem('Description') }),
  transcript: transcriptSchema.nullish().transform((t) => t ?? null),
  consent: z.literal(true, { error: 'Confirm that we may contact you about this request' }),
});

export type Escalation = z.infer<typeof escalationSchema>;

/** Checks a submission's fields, including its troubleshooter path against the flow it names. */
export function parseEscalation(fields: unknown, flows: Flows): { ok: true; value: Escalation } | { ok: false; errors: FieldErrors } {
  const result = escalationSchema.safeParse(fields);
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
