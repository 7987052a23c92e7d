import { afterAll, beforeAll, expect } from 'vitest';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../../harness/smtp-capture.ts';
import { createStaff } from '../../harness/staff.ts';

type StaffAccount = Parameters<typeof createStaff>[1];

/**
 * One built server for a test file whose email goes through a real SMTP server on loopback, with the staff
 * accounts it needs; both stop after the file's tests.
 */
export function useMailingServer(options: { env?: Record<string, string>; staff?: StaffAccount[] } = {}) {
  const state = {} as { server: ServerProcess; smtp: SmtpCapture; staff: Awaited<ReturnType<typeof createStaff>>[] };
  beforeAll(async () => {
    state.smtp = await startSmtpCapture();
    state.server = await startServer({ env: { SMTP_URL: state.smtp.url, ...options.env } });
    state.staff = [];
    for (const account of options.staff ?? []) state.staff.push(await createStaff(state.server.dataDir, account));
  });
  afterAll(async () => {
    await state.server?.stop();
    await state.smtp?.stop();
  });
  const matching = (match: (email: CapturedEmail) => boolean) => state.smtp.received.filter(match);
  return {
    get server() {
      return state.server;
    },
    get smtp() {
      return state.smtp;
    },
    /** The accounts of `options.staff`, in order. */
    get staff() {
      return state.staff;
    },
    emailsTo: (address: string) => matching((email) => email.to.includes(address)),
    /** Waits until at least `count` emails match and returns them all. */
    async waitForEmails(match: (email: CapturedEmail) => boolean, count = 1): Promise<CapturedEmail[]> {
      await expect.poll(() => matching(match).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
      return matching(match);
    },
  };
}
