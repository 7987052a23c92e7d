import { flowsById } from '../catalog.ts';
import { createTicket } from '../db/new-tickets.ts';
import { wakeOutbox } from '../email/mail-service.ts';
import { suggestArticles } from '../email/suggest-articles.ts';
import { newTicketMail } from '../email/ticket-mail.ts';
import { attachmentSettings, supportRequestSettings } from '../settings.ts';
import { createSupportRequestEndpoint } from './support-request-endpoint.ts';

/**
 * This server's support request handler: one instance (one rate limit), for POST /api/escalations and for the
 * contact page, which takes its own plain-form posts so that errors show at its own address.
 */
export const handleSupportRequest = createSupportRequestEndpoint({
  settings: supportRequestSettings(process.env),
  attachments: attachmentSettings(process.env),
  flows: flowsById,
  record: createTicket,
  mail: async (request, language) => newTicketMail(request, language, await suggestArticles(request.description, language)),
  mailQueued: wakeOutbox,
});
