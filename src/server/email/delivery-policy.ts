/**
 * How the outbox retries: an email is tried again after 1 minute, then twice as long each time up to 6 hours, and
 * fails 48 hours after its first attempt (never counting time it waited for SMTP_URL). A claim on an email lasts
 * longer than a send may take, so only a process that died mid-send loses it.
 */
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 6 * 60 * 60_000;
export const FAIL_AFTER_MS = 48 * 60 * 60_000;

/** The longest one send may take: nodemailer's own timeouts come first, this stops whatever they miss. */
export const SEND_TIMEOUT_MS = 2 * 60_000;
/** A claim outlasts the longest send. */
export const LEASE_MS = 5 * 60_000;

/** Wait before the next attempt, after `attempts` attempts. */
export function retryDelay(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** When to try a failed send again, or undefined when it has failed for good. */
export function nextAttempt(email: { attempts: number; firstAttemptAt: string | null }, now: Date): Date | undefined {
  const first = email.firstAttemptAt ? Date.parse(email.firstAttemptAt) : now.getTime();
  if (now.getTime() - first >= FAIL_AFTER_MS) return undefined;
  return new Date(now.getTime() + retryDelay(email.attempts));
}
