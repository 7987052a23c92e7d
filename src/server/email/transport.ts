import nodemailer from 'nodemailer';
import { redactPassword, type MailAddress } from '../settings.ts';

/** One email as it goes out: both parts, threading headers, and a Message-ID fixed when it was queued. */
export interface OutgoingMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string;
  /** Where replies go: the ticket's reply address (email in), for emails to the requester. */
  replyTo?: string;
  /** The envelope sender bounces come back to: this email's own return path (email in), else `from`. */
  returnPath?: string;
}

/** Hands one message to the SMTP server; resolves once the server accepted it. */
export type SendMail = (message: OutgoingMessage, signal: AbortSignal) => Promise<void>;

export interface MailTransport {
  send: SendMail;
  close(): void;
}

/**
 * nodemailer over SMTP at `smtpUrl`, a few pooled connections. Its timeouts are short enough that a send ends well
 * within the outbox's lease; it never retries a message itself (the outbox does, with its back-off).
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    maxRequeues: 0,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (message, signal) => {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        inReplyTo: message.inReplyTo,
        references: message.references,
        replyTo: message.replyTo,
        envelope: message.returnPath ? { from: message.returnPath, to: [message.to.address] } : undefined,
        signal,
      });
    },
    close: () => transporter.close(),
  };
}

/** An SMTP error as staff see it: the server's answer when there is one; never the URL's password. */
export function describeSendError(error: unknown, smtpUrl: string): string {
  const parts = error instanceof Error ? [error.message, (error as { response?: string }).response] : [String(error)];
  const text = [...new Set(parts.filter(Boolean))].join(': ').slice(0, 500);
  const password = URL.canParse(smtpUrl) ? decodeURIComponent(new URL(smtpUrl).password) : '';
  return (password ? text.replaceAll(password, '***') : text).replaceAll(smtpUrl, redactPassword(smtpUrl));
}
