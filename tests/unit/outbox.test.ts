import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture.ts';
import { claimDueEmails, emailsOf, queueEmails, REQUEST_KEY_SLOT, type NewOutboxEmail } from '../../src/server/db/outbox.ts';
import { FAIL_AFTER_MS, LEASE_MS, retryDelay } from '../../src/server/email/delivery-policy.ts';
import { sendDueEmails } from '../../src/server/email/outbox-sender.ts';
import { describeSendError, smtpTransport, type MailTransport } from '../../src/server/email/transport.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let smtp: SmtpCapture;
let transport: MailTransport;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  transport = smtpTransport(smtp.url);
});
afterAll(async () => {
  transport.close();
  await smtp.stop();
});

let series = 0;
/** A ticket with `count` emails queued at `queuedAt`; returns its reference. */
async function queued(count: number, queuedAt = T0): Promise<string> {
  const [ticket] = await seedTickets(db(), { count: 1, series: String.fromCharCode(65 + series++) });
  const emails: NewOutboxEmail[] = Array.from({ length: count }, (_, i) => ({
    kind: 'reply',
    recipient: `requester${i}@example.com`,
    recipientName: 'Requester',
    subject: `Your request ${ticket.reference}`,
    textBody: `Reply ${i}: see https://help.example.com/requests/${ticket.reference}/?key=${REQUEST_KEY_SLOT}`,
    htmlBody: `<p>Reply ${i}</p>`,
    secret: `secret-${i}`,
    messageId: `<${ticket.reference}.${i}@help.example.com>`,
  }));
  await queueEmails(db(), ticket.reference, emails, queuedAt);
  return ticket.reference;
}

/** One pass of the sender at the given time. */
const pass = (now: Date) =>
  sendDueEmails({
    db: async () => db(),
    send: transport.send,
    from: { name: 'Help', address: 'support@help.example.com' },
    describeError: (error) => describeSendError(error, smtp.url),
    now: () => now,
    owner: 'test-process',
    batch: 50,
    log: { log: () => {}, error: () => {} },
  });

describe('the outbox', () => {
  it('keeps emails while the SMTP server is down, retrying after 1, then 2 minutes, and sends them once it is back', async () => {
    const reference = await queued(3);
    await smtp.stop();
    try {
      expect(await pass(T0)).toBe(3);
      let states = await emailsOf(db(), reference);
      expect(states.map((e) => [e.status, e.attempts, e.nextAttemptAt])).toEqual(Array(3).fill(['queued', 1, at(MINUTE).toISOString()]));
      expect(states[0].lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(states[0].lastError).not.toContain('secret');

      expect(await pass(at(MINUTE - 1))).toBe(0); // not due yet
      expect(await pass(at(MINUTE))).toBe(3);
      states = await emailsOf(db(), reference);
      expect(states.map((e) => [e.status, e.attempts, e.nextAttemptAt])).toEqual(
        Array(3).fill(['queued', 2, at(3 * MINUTE).toISOString()]),
      );
    } finally {
      await smtp.start();
    }
    const before = smtp.received.length;
    expect(await pass(at(3 * MINUTE))).toBe(3);
    await smtp.waitFor(before + 3);
    const states = await emailsOf(db(), reference);
    expect(states.map((e) => [e.status, e.sentAt, e.secret])).toEqual(Array(3).fill(['sent', at(3 * MINUTE).toISOString(), null]));
    const delivered = smtp.received.slice(before);
    expect(delivered.map((e) => e.messageId).sort()).toEqual(states.map((e) => e.messageId).sort());
    // The key went out in the email; the stored copy keeps only the slot, and the key itself is forgotten.
    expect(delivered.find((e) => e.messageId === states[0].messageId)?.text).toContain('?key=secret-0');
    expect(states[0].textBody).toContain(`?key=${REQUEST_KEY_SLOT}`);
  });

  it('fails an email 48 hours after its first attempt, not after it was queued', async () => {
    // Queued three days before anything tried to send it (SMTP_URL unset meanwhile): still worth trying.
    const firstTry = at(72 * HOUR);
    const reference = await queued(1, T0);
    await smtp.stop();
    try {
      let now = firstTry;
      for (;;) {
        expect(await pass(now)).toBe(1);
        const [state] = await emailsOf(db(), reference);
        if (state.status === 'failed') break;
        expect(state.status).toBe('queued');
        now = new Date(state.nextAttemptAt);
      }
      const [state] = await emailsOf(db(), reference);
      expect(state.lastError).toMatch(/ECONNREFUSED|connect/i);
      // It gave up at the first attempt 48 hours or more after the first one, and not before.
      expect(now.getTime() - firstTry.getTime()).toBeGreaterThanOrEqual(FAIL_AFTER_MS);
      expect(now.getTime() - firstTry.getTime()).toBeLessThan(FAIL_AFTER_MS + 6 * HOUR);
      expect(await pass(at(200 * HOUR))).toBe(0);
    } finally {
      await smtp.start();
    }
  });

  it('backs off from a minute, doubling, up to six hours', () => {
    expect([1, 2, 3, 4, 8, 9, 10, 20].map((attempts) => retryDelay(attempts) / MINUTE)).toEqual([1, 2, 4, 8, 128, 256, 360, 360]);
  });

  it('lets one process claim an email at a time, and another once the lease ran out (the first died)', async () => {
    const reference = await queued(4, at(-HOUR));
    const claim = (owner: string, now: Date) =>
      claimDueEmails(db(), { owner, now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: 3 });
    const first = await claim('one', T0);
    const second = await claim('two', T0);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((e) => e.id)).size).toBe(4);
    expect(await claim('two', at(LEASE_MS - 1))).toHaveLength(0);
    const taken = await claim('two', at(LEASE_MS + 1));
    expect(taken.map((e) => e.id).sort()).toEqual(first.map((e) => e.id).sort());
    expect(taken.every((e) => e.attempts === 2)).toBe(true);
    expect((await emailsOf(db(), reference)).every((e) => e.status === 'queued')).toBe(true);
  });
});
