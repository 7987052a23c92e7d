import { z } from 'astro/zod';
import { hasControlCharacters } from '../../lib/control-characters.ts';
import { localizedPath } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import { ATTACHMENTS_FIELD, checkFiles } from '../attachments/check-files.ts';
import { addRequesterMessage, requesterSetsStatus } from '../db/conversation.ts';
import type { Db } from '../db/connection.ts';
import { wakeOutbox } from '../email/mail-service.ts';
import { requestPath } from '../email/request-link.ts';
import { requesterMessageMail } from '../email/ticket-mail.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { failedWrite } from '../http/database-answers.ts';
import { createRateLimit, type RateLimit } from '../http/rate-limit.ts';
import { attachmentSettings, supportRequestSettings } from '../settings.ts';
import { formAction, type FormProblem, type Outcome, type PostedFiles, type StaffForm } from '../staff/form-post.ts';

/**
 * The forms of the requester's page: a message, with files (idempotent: the page's key makes a second post of the
 * same form a no-op), "This is fixed", and "It is still not fixed" on a resolved request. Errors as the contact form has them:
 * named fields, a limit per client (ESCALATION_RATE_LIMIT, as for support requests), and a database that cannot
 * save the message answered with the form kept. Every answer is in the ticket's language.
 */

export const MESSAGE_MAX = 5000;

/** What the page says after each of its forms (`?done=…`), in the words of a language. */
export const requestDone = ({ t }: Messages) => ({
  message: t('request.done.message'),
  fixed: t('request.done.fixed'),
  reopened: t('request.done.reopened'),
});

const messageIn = ({ t }: Messages) =>
  z
    .string()
    .trim()
    .max(MESSAGE_MAX, { error: t('request.message.too-long', { max: MESSAGE_MAX }) })
    .refine((text) => !hasControlCharacters(text), { error: t('request.message.control-characters') });

/** The form's own key, so a post sent twice is recognised; anything else is no key. */
const idempotencyKey = z.string().transform((key) => (/^[\x21-\x7e]{8,200}$/.test(key) ? key : null));

let limit: RateLimit | undefined;

export interface RequestPage {
  db: Db;
  reference: string;
  key: string;
  request: Request;
  socketAddress: string;
  /** The ticket's language. */
  language: string;
}

export function requestPageForm({ db, reference, key, request, socketAddress, language }: RequestPage): StaffForm {
  const words = messagesFor(language);
  const { t } = words;
  const message = messageIn(words);
  const settings = supportRequestSettings(process.env);
  const attachments = attachmentSettings(process.env);
  limit ??= createRateLimit('request-page', settings.rateLimitPerMinute);
  const client = rateLimitKey(clientAddress(socketAddress, request.headers.get('x-forwarded-for'), settings.trustedProxyHops));

  /** Counts the post against the client's limit, then saves; a database failure keeps the form. */
  const guarded = async (save: () => Promise<Outcome>): Promise<Outcome> => {
    try {
      const allowed = await limit!(client);
      if (!allowed.allowed) return tooMany(allowed.retryAfterSeconds, t);
      const outcome = await save();
      wakeOutbox();
      return outcome;
    } catch (error) {
      const answer = failedWrite(error, t('request.unavailable'), language);
      return { status: answer.status, headers: answer.headers, errors: {}, formError: answer.message };
    }
  };
  const missing: FormProblem = { status: 404, errors: {}, formError: t('request.gone') };
  const addMessage = (body: string, key: string | null, upload: PostedFiles, done: 'message' | 'reopened') =>
    guarded(async () => {
      const files = await checkFiles(upload, attachments, words);
      if (!files.ok) return { status: 422, errors: { [ATTACHMENTS_FIELD]: files.error } };
      const added = await addRequesterMessage(db, {
        reference,
        body,
        source: 'page',
        idempotencyKey: key,
        attachments: files.files,
        mail: requesterMessageMail,
      });
      return added === 'missing' ? missing : { done };
    });
  const setStatus = (status: 'resolved' | 'open', done: 'fixed' | 'reopened') =>
    guarded(async () => ((await requesterSetsStatus(db, reference, status)) ? { done } : missing));

  return {
    actions: {
      message: formAction(
        z.object({ message: message.min(1, { error: t('request.message.missing') }), idempotencyKey }),
        async (fields, upload) => addMessage(fields.message, fields.idempotencyKey, upload, 'message'),
      ),
      fixed: formAction(z.object({}), async () => setStatus('resolved', 'fixed')),
      reopen: formAction(z.object({ message, idempotencyKey }), async (fields, upload) =>
        fields.message ? addMessage(fields.message, fields.idempotencyKey, upload, 'reopened') : setStatus('open', 'reopened'),
      ),
    },
    files: { maxFiles: attachments.maxFiles, maxFileBytes: attachments.maxBytes },
    location: ({ done }) => `${localizedPath(requestPath(reference, encodeURIComponent(key)), language)}&done=${done}`,
  };
}

function tooMany(seconds: number, t: Messages['t']): FormProblem {
  return { status: 429, headers: { 'Retry-After': String(seconds) }, errors: {}, formError: t('request.rate-limited', { count: seconds }) };
}
