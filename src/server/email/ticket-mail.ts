import { randomUUID } from 'node:crypto';
import { localizedPath } from '../../i18n/languages.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';
import { siteText } from '../../i18n/site-text.ts';
import { site } from '../../site.config.ts';
import type { MailFor, OutgoingMail, StaffRecipient, TicketForMail } from '../db/conversation.ts';
import type { NewOutboxEmail } from '../db/outbox.ts';
import { inboundSettings, mailSettings } from '../settings.ts';
import { htmlPart, textPart, type Block } from './email-body.ts';
import { newRequestKey, requestPath } from './request-link.ts';
import type { ArticleSuggestion } from './suggest-articles.ts';

/**
 * The emails a ticket causes, composed when they are queued: to the requester (the confirmation, staff replies,
 * "resolved", fresh links), each with a new key to their page, in the words of the ticket's language
 * (content/messages/<language>.json, `email.…`): subject, body and the HTML part's `lang`. They are composed, in that
 * language, when they are queued, and the outbox stores them as composed: what is sent is what was decided with the
 * change, even if the ticket changes later. And to staff (a new ticket, a requester's message), in the console's English. All emails about a
 * ticket share one subject and thread under one root Message-ID per audience.
 */

type Words = Messages;

/** Refuses what would break out of a header (a line break in a name or subject): no header injection. */
export function headerValue(value: string, what: string): string {
  if (/[\r\n]/.test(value)) throw new Error(`${what} contains a line break and cannot go in an email header`);
  return value;
}

const domain = () => mailSettings(process.env).from.address.split('@')[1];
const rootId = (reference: string, audience: 'request' | 'staff') => `<${reference.toLowerCase()}.${audience}@${domain()}>`;
/** A Message-ID of its own for an email that is not the first of its thread. */
export const newMessageId = () => `<${randomUUID()}@${domain()}>`;
const pageUrl = (reference: string, language: string) => new URL(localizedPath(requestPath(reference), language), `${site.baseUrl}/`).href;
const staffUrl = (reference: string) => new URL(`/staff/tickets/${reference}`, `${site.baseUrl}/`).href;

/** An email to the requester: their page's link with a fresh key, threaded under the confirmation. */
function toRequester(
  ticket: Pick<TicketForMail, 'reference' | 'name' | 'contactEmail' | 'language'>,
  kind: NewOutboxEmail['kind'],
  blocks: (link: Block, words: Words) => Block[],
  { root = false, ticketMessageId = null }: { root?: boolean; ticketMessageId?: string | null } = {},
): OutgoingMail {
  const words = messagesFor(ticket.language);
  const { t, locale } = words;
  const key = newRequestKey();
  const { helpCenterName } = siteText(ticket.language);
  const subject = headerValue(t('email.subject', { reference: ticket.reference, helpCenter: helpCenterName }), 'The subject');
  const greeting: Block = { text: ticket.name ? t('email.greeting', { name: ticket.name }) : t('email.greeting.anonymous') };
  const all = [
    greeting,
    ...blocks({ link: pageUrl(ticket.reference, ticket.language), label: t('email.link.page') }, words),
    { text: t('email.link.private') },
    { text: t('email.signature', { helpCenter: helpCenterName }) },
  ];
  const thread = rootId(ticket.reference, 'request');
  return {
    keyHashes: [key.hash],
    emails: [
      {
        kind,
        ticketMessageId,
        recipient: ticket.contactEmail,
        recipientName: headerValue(ticket.name, 'The name'),
        subject,
        textBody: textPart(all),
        htmlBody: htmlPart(all, { title: subject, lang: locale }),
        secret: key.secret,
        messageId: root ? thread : newMessageId(),
        inReplyTo: root ? null : thread,
        references: root ? null : thread,
      },
    ],
  };
}

/** Staff notices: one per recipient, in the ticket's staff thread. */
function toStaff(
  reference: string,
  staff: StaffRecipient[],
  kind: NewOutboxEmail['kind'],
  subject: string,
  blocks: Block[],
  root: boolean,
): NewOutboxEmail[] {
  const all = [...blocks, { link: staffUrl(reference), label: 'Open the ticket:' }];
  const thread = rootId(reference, 'staff');
  return staff.map((person) => ({
    kind,
    recipient: person.email,
    recipientName: headerValue(person.name, 'The name'),
    subject: headerValue(subject, 'The subject'),
    textBody: textPart(all),
    htmlBody: htmlPart(all, { title: subject, lang: 'en' }),
    messageId: root ? thread : newMessageId(),
    inReplyTo: root ? null : thread,
    references: root ? null : thread,
  }));
}

const REQUESTER_KINDS: ReadonlySet<NewOutboxEmail['kind']> = new Set(['confirmation', 'reply', 'resolved', 'links']);

/** Emails to the requester carry their ticket's reply address; staff notices do not (a reply there is no requester's). */
export const isToRequester = (kind: NewOutboxEmail['kind']): boolean => REQUESTER_KINDS.has(kind);

const topicLabel = (id: string) => site.topics.find((topic) => topic.id === id)?.label ?? id;

/** A new ticket: the requester's confirmation (reference, their words, their link, our hours, articles that may help) and the staff notice. */
export function newTicketMail(
  request: { name: string; email: string; topic: string; description: string },
  language: string,
  suggestions: ArticleSuggestion[],
): (reference: string, staff: StaffRecipient[]) => OutgoingMail {
  return (reference, staff) => {
    const ticket = { reference, name: request.name, contactEmail: request.email, language };
    const confirmation = toRequester(
      ticket,
      'confirmation',
      (link, { t }) => [
        { text: t('email.confirmation.received', { reference }) },
        { text: t('email.confirmation.copy') },
        { quote: request.description },
        ...(inboundSettings(process.env) ? [howToAnswer(t)] : []),
        link,
        { text: t('email.confirmation.hours', { hours: siteText(language).supportHours }) },
        ...(suggestions.length > 0
          ? [
              { text: t('email.confirmation.suggestions') },
              { links: suggestions.map((s) => ({ title: s.title, url: new URL(s.path, `${site.baseUrl}/`).href })) },
            ]
          : []),
      ],
      { root: true },
    );
    const from = request.name ? `${request.name} <${request.email}>` : request.email;
    const notice = toStaff(
      reference,
      staff,
      'staff-new-ticket',
      `New ticket ${reference}: ${topicLabel(request.topic)}`,
      [{ text: `${from} sent a new request about “${topicLabel(request.topic)}”:` }, { quote: request.description }],
      true,
    );
    return { keyHashes: confirmation.keyHashes, emails: [...confirmation.emails, ...notice] };
  };
}

/** How the requester answers: on their page, or also by replying when email in is set up (INBOUND_SMTP_PORT). */
const howToAnswer = (t: Words['t']): Block => ({ text: t(inboundSettings(process.env) ? 'email.reply.by-email' : 'email.reply.on-page') });

/** A staff reply, with a note and the "still not fixed" way back when it also resolved the ticket. */
export const staffReplyMail: MailFor = (ticket, message) =>
  toRequester(
    ticket,
    'reply',
    (link, { t }) => [
      {
        text: t('email.reply.intro', {
          staff: message?.staffName ?? siteText(ticket.language).helpCenterName,
          reference: ticket.reference,
        }),
      },
      { quote: message?.body ?? '' },
      ...(ticket.status === 'resolved' ? [{ text: t('email.resolved.reopen') }] : [howToAnswer(t)]),
      link,
    ],
    { ticketMessageId: message?.id ?? null },
  );

/** Staff set the ticket resolved. */
export const resolvedMail: MailFor = (ticket) =>
  toRequester(ticket, 'resolved', (link, { t }) => [
    { text: t('email.resolved.intro', { reference: ticket.reference }) },
    { text: t('email.resolved.reopen') },
    link,
  ]);

/** The requester wrote on their ticket: its assignee, or the agents who asked, are told. */
export const requesterMessageMail: MailFor = (ticket, message, staff) => ({
  keyHashes: [],
  emails: toStaff(
    ticket.reference,
    staff,
    'staff-new-message',
    `New message on ${ticket.reference}: ${topicLabel(ticket.topic)}`,
    [{ text: `${ticket.name || ticket.contactEmail} wrote:` }, { quote: message?.body ?? '' }],
    false,
  ),
});

/** A fresh link to one open request, asked for with "Email me my links". */
export const linksMail: MailFor = (ticket) =>
  toRequester(ticket, 'links', (link, { t }) => [
    { text: t('email.links.intro', { reference: ticket.reference, helpCenter: siteText(ticket.language).helpCenterName }) },
    link,
  ]);
