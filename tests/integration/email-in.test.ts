import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../harness/free-port.ts';
import { openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../../harness/smtp-capture.ts';
import { createStaff, getAs, signIn } from '../../harness/staff.ts';
import { HTML_PAGE, PNG } from '../support/files.ts';
import { postRequestForm, requestLinkIn } from '../support/request-links.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { anonymise } from '../../src/server/db/personal-data.ts';
import { MESSAGES_PER_SENDER_HOUR } from '../../src/server/email/inbound-server.ts';

// Email in, end to end: the help center sends through nodemailer to a capturing SMTP server, and the requester's
// mail program (nodemailer here) answers to the listener over real SMTP on loopback.

const REPLY_DOMAIN = 'reply.help.example.com';
let smtp: SmtpCapture;
let server: ServerProcess;
let inbound: ReturnType<typeof nodemailer.createTransport>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  const port = await freeLoopbackPort();
  server = await startServer({
    // One file of 100 KB: the listener then takes messages up to 1.1 MB, small enough to go over in a test.
    env: { SMTP_URL: smtp.url, INBOUND_SMTP_PORT: String(port), REPLY_DOMAIN, ATTACHMENT_MAX_FILES: '1', ATTACHMENT_MAX_BYTES: '100000' },
  });
  inbound = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  inbound?.close();
  await server?.stop();
  await smtp?.stop();
});

async function waitForEmail(match: (email: CapturedEmail) => boolean): Promise<CapturedEmail> {
  await expect.poll(() => smtp.received.some(match), { timeout: 15_000 }).toBe(true);
  return smtp.received.find(match)!;
}

/** A new support request and the confirmation it caused. */
async function request() {
  const email = `requester-${crypto.randomUUID()}@example.com`;
  const response = await postJson(server.url, validSupportRequest({ email, name: 'Ada Lovelace' }));
  const { reference } = (await response.json()) as { reference: string };
  const confirmation = await waitForEmail((e) => e.to.includes(email) && e.subject.includes(reference));
  return { reference, email, confirmation, link: requestLinkIn(confirmation) };
}

const replyToOf = (email: CapturedEmail) => email.parsed.replyTo?.value[0]?.address ?? '';

/** The requester answers an email from their mail program, quoting it below their words as Gmail does. */
function reply(to: CapturedEmail, from: string, words: string, extra: Partial<SendMailOptions> = {}) {
  return inbound.sendMail({
    from,
    to: replyToOf(to),
    subject: `Re: ${to.subject}`,
    inReplyTo: to.messageId,
    references: to.messageId,
    text: `${words}\n\nOn Tue, 1 Dec 2026 at 10:00, Loomwork Help Center <support@loomwork.example> wrote:\n${to.text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n')}\n`,
    ...extra,
  });
}

const pageText = async (link: string) => (await fetch(new URL(link, server.url))).text();

describe('a reply by email', () => {
  it('carries the ticket’s reply address, lands on the ticket without the quoted history, and reopens a resolved ticket', async () => {
    const { reference, email, confirmation, link } = await request();
    const replyTo = replyToOf(confirmation);
    expect(replyTo).toMatch(new RegExp(`^[0-9a-f]{32}@${REPLY_DOMAIN.replaceAll('.', '\\.')}$`));
    // Not the page's key: relay logs never hold one.
    expect(link).not.toContain(replyTo.split('@')[0]);
    // The email says so: replying works.
    expect(confirmation.text).toContain('To answer, reply to this email or write on your request’s page.');

    expect((await postRequestForm(server.url, link, { action: 'fixed' })).status).toBe(303);
    expect(await pageText(link)).toMatch(/<strong[^>]*>Resolved<\/strong>/);

    const sent = await reply(confirmation, email, 'It broke again after the update this morning.');
    expect(sent.accepted).toEqual([replyTo]);

    const html = await pageText(link);
    expect(html).toContain('It broke again after the update this morning.');
    expect(html).toContain('Open: our support team is working on it');
    // The quoted confirmation is not part of the stored message.
    expect(html).not.toContain('wrote:');
    expect(html).not.toContain('We have your request');

    // Staff see the message, and the email as it arrived.
    const staff = await createStaff(server.dataDir, { email: `agent-${reference}@example.com`, name: 'Grace Agent', role: 'agent' });
    const ticket = await (await getAs(server.url, `/staff/tickets/${reference}`, await signIn(server.url, staff.email))).text();
    expect(ticket).toContain('Message from Ada Lovelace by email');
    expect(ticket).toContain('The email as it arrived');
    expect(ticket).toMatch(/On Tue, 1 Dec 2026 at 10:00, Loomwork Help Center &lt;support@loomwork.example&gt; wrote:/);
  });

  it('keeps one message when the relay delivers the same email twice', async () => {
    const { email, confirmation, link } = await request();
    const messageId = `<${crypto.randomUUID()}@mail.example.com>`;
    await reply(confirmation, email, 'Sent once, delivered twice.', { messageId });
    await reply(confirmation, email, 'Sent once, delivered twice.', { messageId });
    expect((await pageText(link)).split('Sent once, delivered twice.').length).toBe(2);
  });

  it('is refused at RCPT TO for an unknown reply address or another domain', async () => {
    const { email, confirmation } = await request();
    for (const to of [`${'0'.repeat(32)}@${REPLY_DOMAIN}`, replyToOf(confirmation).replace(REPLY_DOMAIN, 'elsewhere.example')]) {
      const refused = await reply(confirmation, email, 'Anyone there?', { to }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 550, rejected: [to] });
      expect(String((refused as { response: string }).response)).toContain('no such recipient');
    }
  });

  it(`takes ${MESSAGES_PER_SENDER_HOUR} messages an hour from one sender and answers the next with 450`, async () => {
    const { email, confirmation, link } = await request();
    for (let i = 1; i <= MESSAGES_PER_SENDER_HOUR; i++) await reply(confirmation, email, `Update number ${i} of the day.`);
    const refused = await reply(confirmation, email, 'One update too many.').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 450 });
    const html = await pageText(link);
    expect(html).toContain(`Update number ${MESSAGES_PER_SENDER_HOUR} of the day.`);
    expect(html).not.toContain('One update too many.');
    // Another sender is counted on its own.
    await reply(confirmation, `colleague-${email}`, 'A colleague of theirs writes too.');
    expect(await pageText(link)).toContain('A colleague of theirs writes too.');
  });

  it('brings its attached file to the ticket, and refuses one that is not what its name says', async () => {
    const { email, confirmation, link } = await request();
    await reply(confirmation, email, 'Here is the screenshot.', { attachments: [{ filename: 'error.png', content: Buffer.from(PNG) }] });
    const page = await pageText(link);
    expect(page).toContain('Here is the screenshot.');
    const path = /href="(\/requests\/[^"]+\/attachments\/[^"]+)"/.exec(page)![1].replaceAll('&amp;', '&');
    expect(new Uint8Array(await (await fetch(new URL(path, server.url))).arrayBuffer())).toEqual(PNG);

    const refused = await reply(confirmation, email, 'And the page.', {
      attachments: [{ filename: 'page.png', content: HTML_PAGE }],
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'EMESSAGE', responseCode: 550 });
    expect(String((refused as { response: string }).response)).toContain('“page.png” is not a file we accept');
    expect(await pageText(link)).not.toContain('And the page.');
  });

  it('is refused at RCPT TO once the ticket was anonymised', async () => {
    const { reference, email, confirmation } = await request();
    const db = openServerDatabase(server.dataDir);
    try {
      await anonymise(db, [reference], { staffId: null, reason: 'erasure-request' });
    } finally {
      await db.destroy();
    }
    const refused = await reply(confirmation, email, 'Please forget me, then answer me.').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 550, rejected: [replyToOf(confirmation)] });
  });

  it('refuses a message over the size limit with 552 while it streams in', async () => {
    const { email, confirmation, link } = await request();
    const big = `Here is my whole log.\n${'x'.repeat(100)}\n`.repeat(12_000); // about 1.5 MB, over 1 × 100 KB + 1 MB
    const refused = await reply(confirmation, email, big).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'EMESSAGE', responseCode: 552 });
    expect(await pageText(link)).not.toContain('Here is my whole log.');
  });
});

describe('a bounce', () => {
  /** A delivery status notification (RFC 3464) as a receiving server sends it back to the return path. */
  const dsn = (to: string, recipient: string) =>
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      `To: ${to}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <${crypto.randomUUID()}@mx.example.net>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="report"',
      '',
      '--report',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I am sorry to have to inform you that your message could not be delivered.',
      '',
      '--report',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected:`,
      '    User unknown in virtual mailbox table',
      '',
      '--report--',
      '',
    ].join('\r\n');

  it('to an email’s own return path marks that email bounced, with the reason, on the staff timeline', async () => {
    const { reference, email, confirmation } = await request();
    expect(confirmation.returnPath).toMatch(new RegExp(`^bounce-[0-9a-z]+@${REPLY_DOMAIN.replaceAll('.', '\\.')}$`));
    // Bounces come with an empty envelope sender, so they never bounce themselves.
    const sent = await inbound.sendMail({
      envelope: { from: '', to: confirmation.returnPath },
      raw: dsn(confirmation.returnPath, email),
    });
    expect(sent.accepted).toEqual([confirmation.returnPath]);

    const staff = await createStaff(server.dataDir, { email: `agent-${reference}@example.com`, name: 'Grace Agent', role: 'agent' });
    const ticket = await (await getAs(server.url, `/staff/tickets/${reference}`, await signIn(server.url, staff.email))).text();
    expect(ticket).toContain(`Confirmation to the requester (${email}), `);
    expect(ticket).toContain(`Bounced: 550 5.1.1 &lt;${email}&gt;: Recipient address rejected: User unknown in virtual mailbox table`);
  });

  it('to a return path we never used is refused at RCPT TO', async () => {
    const to = `bounce-0000000000000abcdef012345@${REPLY_DOMAIN}`;
    const refused = await inbound
      .sendMail({ envelope: { from: '', to }, raw: dsn(to, 'someone@example.com') })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'EENVELOPE', responseCode: 550, rejected: [to] });
  });
});
