import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { claimDueEmails, recordFailure, recordSent, type OutboxEmail } from '../db/outbox.ts';
import { replyTokensOf } from '../db/reply-tokens.ts';
import type { MailAddress } from '../settings.ts';
import { LEASE_MS, nextAttempt, SEND_TIMEOUT_MS } from './delivery-policy.ts';
import { replyAddress, returnPath } from './inbound-address.ts';
import { withKey } from './request-link.ts';
import { isToRequester } from './ticket-mail.ts';
import type { OutgoingMessage, SendMail } from './transport.ts';

export interface SenderOptions {
  db: () => Promise<Db>;
  send: SendMail;
  from: MailAddress;
  /** REPLY_DOMAIN, with email in: requesters' emails get their ticket's Reply-To, every email its own return path. */
  replyDomain?: string;
  /** An SMTP error as stored for staff (the password left out). */
  describeError: (error: unknown) => string;
  now?: () => Date;
  /** Names this process's claims; random per process. */
  owner?: string;
  /** Emails claimed and sent at once. */
  batch?: number;
  log?: Pick<Console, 'log' | 'error'>;
}

/**
 * One pass of the outbox: claims the emails that are due, sends them at once and records each outcome (sent, or
 * tried again later, or failed). Resolves to how many it claimed. Never sends inside the request that queued them.
 */
export async function sendDueEmails({
  db,
  send,
  from,
  replyDomain,
  describeError,
  now = () => new Date(),
  owner = PROCESS_OWNER,
  batch = 10,
  log = console,
}: SenderOptions): Promise<number> {
  const database = await db();
  const claimedAt = now();
  const claimed = await claimDueEmails(database, {
    owner,
    now: claimedAt,
    leaseUntil: new Date(claimedAt.getTime() + LEASE_MS),
    limit: batch,
  });
  const toRequester = claimed.filter((email) => isToRequester(email.kind)).map((email) => email.reference);
  const tokens = replyDomain ? await replyTokensOf(database, toRequester, claimedAt) : new Map<string, string>();
  await Promise.all(
    claimed.map(async (email) => {
      try {
        const token = isToRequester(email.kind) ? tokens.get(email.reference) : undefined;
        const returns = replyDomain && {
          replyTo: token && replyAddress(token, replyDomain),
          returnPath: returnPath(email.id, replyDomain),
        };
        await send({ ...message(email, from), ...returns }, AbortSignal.timeout(SEND_TIMEOUT_MS));
      } catch (error) {
        const reason = describeError(error);
        const retryAt = nextAttempt(email, now());
        log.error(
          `email ${email.id} (${email.reference}) not sent: ${reason}${retryAt ? `; next try ${retryAt.toISOString()}` : '; failed'}`,
        );
        await recordFailure(database, email.id, owner, reason, retryAt);
        return;
      }
      // Accepted by the SMTP server: if this bookkeeping is lost (a crash, the database gone), the lease runs out and
      // the email goes again, with the same Message-ID.
      await recordSent(database, email.id, now());
    }),
  );
  return claimed.length;
}

const PROCESS_OWNER = randomUUID();

function message(email: OutboxEmail, from: MailAddress): OutgoingMessage {
  return {
    from,
    to: { name: email.recipientName, address: email.recipient },
    subject: email.subject,
    text: withKey(email.textBody, email.secret),
    html: withKey(email.htmlBody, email.secret),
    messageId: email.messageId,
    inReplyTo: email.inReplyTo ?? undefined,
    references: email.references ?? undefined,
  };
}

export interface OutboxSender {
  /** Look for due emails now (this process just queued some). */
  wake(): void;
  /** Claims nothing more; resolves once the pass in progress has recorded its outcomes. */
  stop(): Promise<void>;
}

/**
 * The sender loop: a pass every `pollMs` (other processes' emails, retries coming due), at once after `wake()`, and
 * straight again after a full batch. Its timers never keep a stopping process alive; a failed pass (the database
 * unreachable) is logged and the loop goes on.
 */
export function startOutboxSender(options: SenderOptions & { pollMs?: number }): OutboxSender {
  const { pollMs = 1_000, batch = 10, log = console } = options;
  let stopped = false;
  let pass: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let again = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    if (pass) {
      again = true;
      return;
    }
    pass = sendDueEmails({ ...options, batch })
      .then((claimed) => {
        if (claimed === batch) again = true;
      })
      .catch((error: unknown) => log.error(`outbox: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        pass = undefined;
        const now = again;
        again = false;
        schedule(now ? 0 : pollMs);
      });
  };
  schedule(0);
  return {
    wake: () => run(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
