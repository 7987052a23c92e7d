import { ATTACHMENTS_FIELD, checkFiles } from '../attachments/check-files.ts';
import { emptyContactForm, sentPath, type ContactFormState, type ContactFormValues } from '../../lib/contact-form.ts';
import type { NewTicket, RecordOutcome } from '../db/new-tickets.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { failedWrite } from '../http/database-answers.ts';
import { isCrossSite } from '../http/origin-check.ts';
import { createRateLimit, type RateLimitAnswer } from '../http/rate-limit.ts';
import { isRejection, readSubmission, submissionKind, type Submission } from '../http/request-body.ts';
import { jsonResponse } from '../http/responses.ts';
import { messagesFor } from '../../i18n/messages.ts';
import { localizedPath } from '../../i18n/languages.ts';
import { fieldLanguage, requestLanguage } from '../http/request-language.ts';
import { attachmentSettings, type AttachmentSettings, type EndpointSettings } from '../settings.ts';
import { clientInfo } from './client-info.ts';
import { supportRequestFieldsFromForm, parseSupportRequest, type Flows, type SupportRequest } from './support-request-schema.ts';
import { requestHash } from './request-hash.ts';
import { spamReason } from './spam.ts';

/** A plain-form post that failed: the contact page renders the form again with this state and status. */
export interface FormRerender extends ContactFormState {
  status: number;
  headers: Record<string, string>;
}

export interface SupportRequestEndpointOptions {
  settings: EndpointSettings;
  /** How many files a request may carry, and how large each; the defaults unless given. */
  attachments?: AttachmentSettings;
  flows: () => Promise<Flows>;
  record: (ticket: NewTicket) => Promise<RecordOutcome>;
  /** The emails a new ticket causes (not for spam), queued with it; `language` is the ticket's. */
  mail?: (request: SupportRequest, language: string) => Promise<NewTicket['mail']>;
  /** Called once a ticket with emails is stored: the outbox can send them now. */
  mailQueued?: () => void;
  now?: () => number;
}

/**
 * POST /api/escalations for both encodings: a support request that becomes a ticket. JSON gets JSON answers; the
 * plain form gets a 303 to the confirmation page, or its own page again (a FormRerender) with the reader's input
 * and the errors. Answers speak the request's language (src/server/http/request-language.ts): its `language` field,
 * else the language of the page that took the post (`pageLanguage`), else Accept-Language; the ticket records it.
 */
export function createSupportRequestEndpoint({
  settings,
  attachments = attachmentSettings({}),
  flows,
  record,
  mail,
  mailQueued,
  now = Date.now,
}: SupportRequestEndpointOptions) {
  const rateLimit = createRateLimit('support-requests', settings.rateLimitPerMinute);

  return async function handle(request: Request, socketAddress: string, pageLanguage?: string): Promise<Response | FormRerender> {
    // A script that sends the form with its files (multipart) asks for JSON answers, as a JSON post gets.
    const asForm = submissionKind(request) === 'form' && !request.headers.get('accept')?.includes('application/json');
    const fail = (status: number, error: string, message: string, submission?: Submission, headers: Record<string, string> = {}) =>
      asForm ? rerender(status, submission, { formError: message }, headers) : jsonResponse(status, { error, message }, headers);
    // Until the body says otherwise (its `language` field), the page's language or Accept-Language.
    let language = requestLanguage(request, pageLanguage);
    let words = messagesFor(language);
    let { t } = words;
    // Storing failed, or counting the post did (on PostgreSQL the rate limits are in the database too).
    const notSaved = (error: unknown, submission: Submission) => {
      console.error(`ticket not stored: ${error instanceof Error ? error.message : String(error)}`);
      const answer = failedWrite(error, t('contact.error.not-saved'), language);
      return fail(answer.status, answer.error, answer.message, submission, answer.headers);
    };

    if (isCrossSite(request, settings.publicOrigin)) return jsonResponse(403, { error: 'cross-site', message: t('api.cross-site') });
    const submission = await readSubmission(
      request,
      supportRequestFieldsFromForm,
      { maxFiles: attachments.maxFiles, maxFileBytes: attachments.maxBytes },
      t,
    );
    if (isRejection(submission)) return fail(submission.status, submission.error, submission.message);
    const asked = fieldLanguage(submission.fields, language);
    if ('unknown' in asked) {
      const message = asked.unknown;
      return asForm
        ? rerender(400, submission, { formError: message })
        : jsonResponse(400, { error: 'invalid', message, fields: { language: message } });
    }
    language = asked.language;
    words = messagesFor(language);
    ({ t } = words);

    const client = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), settings.trustedProxyHops);
    let limit: RateLimitAnswer;
    try {
      limit = await rateLimit(rateLimitKey(client));
    } catch (error) {
      return notSaved(error, submission);
    }
    if (!limit.allowed) {
      const wait = limit.retryAfterSeconds;
      return fail(429, 'rate-limited', t('contact.error.rate-limited', { count: wait }), submission, { 'Retry-After': String(wait) });
    }

    const parsed = parseSupportRequest(submission.fields, await flows(), language);
    const files = await checkFiles(submission.upload ?? { files: [], tooManyFiles: false }, attachments, words);
    if (!parsed.ok || !files.ok) {
      // Every field's problem at once, the files' too; the rest of the form is kept.
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(files.ok ? {} : { [ATTACHMENTS_FIELD]: files.error }) };
      return asForm
        ? rerender(422, submission, { errors })
        : jsonResponse(422, { error: 'invalid', message: t('api.invalid'), fields: errors });
    }

    const e = parsed.value;
    const receivedAt = now();
    const { website: honeypot, startedAt } = submission.fields;
    const spam = spamReason({ honeypot, startedAt, requireStartedAt: asForm }, receivedAt);
    let outcome: RecordOutcome;
    try {
      outcome = await record({
        createdAt: new Date(receivedAt),
        spamReason: spam,
        name: e.name,
        contactEmail: e.email,
        accountEmails: e.accountEmails,
        topic: e.topic,
        description: e.description,
        language,
        transcript: e.transcript,
        ...clientInfo(request.headers.get('user-agent')),
        attachments: files.files,
        idempotency: submission.idempotencyKey
          ? {
              key: submission.idempotencyKey,
              requestHash: requestHash(
                e,
                files.files.map((file) => file.sha256),
              ),
            }
          : undefined,
        mail: spam ? undefined : await mail?.(e, language),
      });
    } catch (error) {
      return notSaved(error, submission);
    }

    if (outcome.outcome === 'key-reused') {
      const message = t('contact.error.key-reused', { reference: outcome.reference });
      // A fresh key (the page makes one) lets the reader send the changed form as a new request.
      return asForm
        ? rerender(422, { ...submission, idempotencyKey: undefined }, { formError: message })
        : jsonResponse(422, { error: 'idempotency-key-reused', message, reference: outcome.reference });
    }
    if (outcome.outcome === 'created' && !spam) mailQueued?.();
    // Log lines name the reference only: the content is personal data.
    console.log(
      `ticket ${outcome.reference} ${outcome.outcome}${spam && outcome.outcome === 'created' ? ` (flagged as spam: ${spam})` : ''}`,
    );
    if (asForm) {
      return new Response(null, {
        status: 303,
        headers: { Location: localizedPath(sentPath(outcome.reference), language), 'Cache-Control': 'no-store' },
      });
    }
    return jsonResponse(outcome.outcome === 'created' ? 201 : 200, { reference: outcome.reference, createdAt: outcome.createdAt });
  };
}

function rerender(
  status: number,
  submission: Submission | undefined,
  problems: Partial<Pick<ContactFormState, 'errors' | 'formError'>>,
  headers: Record<string, string> = {},
): FormRerender {
  const fields = submission?.fields ?? {};
  const startedAt = typeof fields.startedAt === 'number' && Number.isFinite(fields.startedAt) ? fields.startedAt : undefined;
  return {
    status,
    headers,
    values: submission?.form ? formValues(submission.form) : emptyContactForm,
    errors: problems.errors ?? {},
    formError: problems.formError,
    idempotencyKey: submission?.idempotencyKey,
    startedAt,
    transcript: typeof fields.transcript === 'object' ? fields.transcript : undefined,
  };
}

function formValues(form: URLSearchParams): ContactFormValues {
  return {
    name: form.get('name') ?? '',
    email: form.get('email') ?? '',
    accountEmails: form.getAll('accountEmails'),
    topic: form.get('topic') ?? '',
    description: form.get('description') ?? '',
    consent: form.has('consent'),
  };
}
