import { z } from 'astro/zod';
import { defaultLanguage } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import type { Db } from '../db/connection.ts';
import { mailOpenRequests } from '../db/conversation.ts';
import { normaliseEmail } from '../email-address.ts';
import { wakeOutbox } from '../email/mail-service.ts';
import { linksMail } from '../email/ticket-mail.ts';
import { clientAddress, rateLimitKey } from '../http/client-address.ts';
import { failedWrite } from '../http/database-answers.ts';
import { createRateLimit, type RateLimit } from '../http/rate-limit.ts';
import { supportRequestSettings } from '../settings.ts';
import { formAction, type StaffForm } from '../staff/form-post.ts';

/**
 * "Email me my links": an address gets a fresh link to each of its open requests. The answer is the same whether
 * or not it has any, so the form tells nobody whose address has requests. Limited per client (as support requests
 * are) and per address (a few an hour, so nobody can flood a mailbox through it; over that, nothing more is sent and
 * the answer is still the same). The form answers in the page's language; each email goes out in its ticket's.
 */

export const LINKS_PATH = '/requests/';
/** What the page says once the form is sent, in the words of a language. */
export const linksDone = ({ t }: Messages) => ({ sent: t('request.links.sent') });

const PER_ADDRESS = { emails: 3, seconds: 60 * 60 };

let perClient: RateLimit | undefined;
let perAddress: RateLimit | undefined;

export function linksForm(db: Db, request: Request, socketAddress: string, language: string = defaultLanguage.code): StaffForm {
  const { t } = messagesFor(language);
  const settings = supportRequestSettings(process.env);
  perClient ??= createRateLimit('request-links', settings.rateLimitPerMinute);
  perAddress ??= createRateLimit('request-links-address', PER_ADDRESS.emails, PER_ADDRESS.seconds);
  const client = rateLimitKey(clientAddress(socketAddress, request.headers.get('x-forwarded-for'), settings.trustedProxyHops));
  const email = z
    .string()
    .trim()
    .min(1, { error: t('request.links.email.missing') })
    .max(254, { error: t('request.links.email.format') })
    .pipe(z.email({ error: t('request.links.email.format') }));
  return {
    actions: formAction(z.object({ email }), async (fields) => {
      try {
        const allowed = await perClient!(client);
        if (!allowed.allowed) {
          const seconds = allowed.retryAfterSeconds;
          return {
            status: 429,
            headers: { 'Retry-After': String(seconds) },
            errors: {},
            formError: t('request.rate-limited', { count: seconds }),
          };
        }
        const address = normaliseEmail(fields.email);
        if ((await perAddress!(address)).allowed && (await mailOpenRequests(db, address, linksMail)) > 0) wakeOutbox();
      } catch (error) {
        const answer = failedWrite(error, t('request.unavailable'), language);
        return { status: answer.status, headers: answer.headers, errors: {}, formError: answer.message };
      }
      return { done: 'sent' };
    }),
  };
}
