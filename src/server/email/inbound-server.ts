import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { checkFiles } from '../attachments/check-files.ts';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { addRequesterMessage } from '../db/conversation.ts';
import type { Db } from '../db/connection.ts';
import { emailExists, recordBounce } from '../db/outbox.ts';
import { ticketOfReplyToken } from '../db/reply-tokens.ts';
import type { UploadedFile } from '../http/multipart.ts';
import { createRateLimit, type RateLimit } from '../http/rate-limit.ts';
import type { InboundSettings } from '../settings.ts';
import { bounceReason } from './bounce-reason.ts';
import { readInboundAddress, type InboundAddress } from './inbound-address.ts';
import { wakeOutbox } from './mail-service.ts';
import { replyText } from './reply-text.ts';
import { requesterMessageMail } from './ticket-mail.ts';

/** Replies by email from one sender per hour; the next gets a 450 (try later), as relays expect. */
export const MESSAGES_PER_SENDER_HOUR = 20;
/** Room for the headers, the text and the MIME encoding around the attachments. */
const ENVELOPE_BYTES = 1024 * 1024;

/** The largest message the listener takes: every attachment at its largest, plus 1 MB. */
export const maxMessageBytes = (settings: InboundSettings): number =>
  settings.attachments.maxFiles * settings.attachments.maxBytes + ENVELOPE_BYTES;

export interface InboundListener {
  port: number;
  /** Takes no new connections and closes open ones. */
  stop(): Promise<void>;
}

/** An SMTP answer: smtp-server sends `responseCode` and the message. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The inbound SMTP listener (email in), meant to sit behind the operator's relay: it takes mail for REPLY_DOMAIN only.
 * A reply to a ticket's reply address adds the requester's message (without quoted history and signature; the text as
 * it came is kept for staff) with its attached files, checked as the contact form checks them, and reopens a waiting or resolved ticket; a bounce to an email's return path marks that
 * email bounced. Unknown addresses, and tickets anonymised or erased, are refused at RCPT TO, so the relay refuses in
 * the SMTP dialogue and never bounces to a forged sender.
 */
export async function startInboundListener(
  settings: InboundSettings,
  db: () => Promise<Db>,
  log: Pick<Console, 'log' | 'error'> = console,
): Promise<InboundListener> {
  const limit = maxMessageBytes(settings);
  const perSender: RateLimit = createRateLimit('inbound-sender', MESSAGES_PER_SENDER_HOUR, 3600);
  // Envelopes whose sender was counted against the hourly limit: one count per message, however many recipients.
  const counted = new WeakSet<object>();

  const server = new SMTPServer({
    name: settings.replyDomain,
    banner: 'Signpost email in',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: limit,
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(address, session, callback) {
      accept(address.address, session).then(
        () => callback(),
        (error: unknown) => callback(asSmtpError(error, log)),
      );
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        () => callback(),
        (error: unknown) => callback(asSmtpError(error, log)),
      );
    },
  });

  async function accept(address: string, session: SMTPServerSession): Promise<void> {
    const target = readInboundAddress(address, settings.replyDomain);
    const known =
      target?.kind === 'reply'
        ? (await ticketOfReplyToken(await db(), target.token)) !== undefined
        : target?.kind === 'bounce' && (await emailExists(await db(), target.outboxId));
    if (!target || !known) throw smtpError(550, `5.1.1 <${address}>: no such recipient here`);
    if (target.kind !== 'reply' || counted.has(session.envelope)) return;
    const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '';
    const allowed = await perSender(sender || '<>');
    if (!allowed.allowed)
      throw smtpError(
        450,
        `4.7.1 Too many messages from <${sender}>: at most ${MESSAGES_PER_SENDER_HOUR} an hour, try again in ${allowed.retryAfterSeconds} seconds`,
      );
    counted.add(session.envelope);
  }

  /** Reads the message as it streams in, keeping at most `limit` bytes; smtp-server only flags a larger one. */
  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
    }
    if (stream.sizeExceeded || bytes > limit) throw smtpError(552, `5.3.4 Message too big: at most ${limit} bytes`);
    const raw = Buffer.concat(chunks);
    const mail = await simpleParser(raw);
    const targets = session.envelope.rcptTo
      .map((to) => readInboundAddress(to.address, settings.replyDomain))
      .filter((to): to is InboundAddress => to !== undefined);
    for (const target of targets) {
      if (target.kind === 'bounce') {
        const reason = bounceReason(raw.toString('utf8'), mail);
        if (await recordBounce(await db(), target.outboxId, reason)) log.log(`email ${target.outboxId} bounced: ${reason}`);
        continue;
      }
      const reference = await ticketOfReplyToken(await db(), target.token);
      if (!reference) throw smtpError(550, '5.1.1 This ticket no longer takes replies');
      const original = (mail.text ?? '').trim();
      const body = replyText(original);
      const files = await checkFiles(attachedFiles(mail, settings.attachments.maxBytes), settings.attachments);
      // Refused in the dialogue, so the sender's mail server tells them which file and why.
      if (!files.ok) throw smtpError(550, `5.7.1 ${files.error}`);
      if (!body && files.files.length === 0) throw smtpError(550, '5.6.0 The reply has no text of its own above the quoted message');
      const outcome = await addRequesterMessage(await db(), {
        reference,
        body,
        source: 'email',
        // A relay that delivers the same email twice adds one message.
        idempotencyKey: mail.messageId ? `email:${mail.messageId}`.slice(0, 200) : null,
        originalBody: original,
        attachments: files.files,
        mail: requesterMessageMail,
      });
      if (outcome === 'added') log.log(`email in: a message on ${reference}`);
    }
    wakeOutbox();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Logged, not fatal: one bad connection must not stop the help center.
  server.on('error', (error) => log.error(`email in: ${error.message}`));
  const { port } = server.server.address() as AddressInfo;
  return { port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * The files a person attached: not the images an HTML body shows inline (signature logos, pasted pictures referred to
 * by Content-ID), which belong to its HTML, which we do not keep.
 */
function attachedFiles(mail: ParsedMail, maxBytes: number): { files: UploadedFile[]; tooManyFiles: boolean } {
  const files = mail.attachments
    .filter((file) => !file.related)
    .map((file) => ({
      name: file.filename ?? 'file',
      content: file.content,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      tooLarge: file.content.length > maxBytes,
    }));
  return { files, tooManyFiles: false };
}

/** Our own answers as they are; anything else (the database unreachable) is logged, and a temporary failure the relay retries. */
function asSmtpError(error: unknown, log: Pick<Console, 'error'>): Error {
  if (error instanceof Error && 'responseCode' in error) return error;
  log.error(`email in: ${error instanceof Error ? error.message : String(error)}`);
  return smtpError(451, '4.3.0 Cannot take the message now, try again later');
}
