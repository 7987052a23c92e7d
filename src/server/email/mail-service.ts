import type { Db } from '../db/connection.ts';
import { processWide } from '../process-wide.ts';
import type { MailSettings } from '../settings.ts';
import { startOutboxSender } from './outbox-sender.ts';
import { describeSendError, smtpTransport } from './transport.ts';

/** What `npm start` prints when SMTP_URL is unset. */
export const MAIL_NOT_SET_UP =
  'Email is not set up (SMTP_URL is unset): emails wait in the outbox and go out once it is set; admins see them at /staff/admin/outbox.';

// The routes run in the server bundle, which has its own copy of this module (see process-wide.ts).
const waker = processWide<() => void>('outbox-wake');

/** Tells this process's sender that emails were just queued, so they go out now rather than at its next look. */
export function wakeOutbox(): void {
  waker.get()?.();
}

/**
 * The outbox sender of this process when SMTP_URL is set (with nothing to send, it only looks for due emails every
 * second); otherwise nothing runs and emails wait. Resolves `stop` once the emails in hand are recorded.
 */
export function startMail(settings: MailSettings, db: () => Promise<Db>): { stop(): Promise<void> } {
  if (!settings.smtpUrl) return { stop: async () => {} };
  const smtpUrl = settings.smtpUrl;
  const transport = smtpTransport(smtpUrl);
  const sender = startOutboxSender({
    db,
    send: transport.send,
    from: settings.from,
    replyDomain: settings.replyDomain,
    describeError: (error) => describeSendError(error, smtpUrl),
  });
  waker.set(sender.wake);
  return {
    async stop() {
      waker.delete();
      await sender.stop();
      transport.close();
    },
  };
}
