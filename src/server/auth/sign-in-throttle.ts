/** A sliding window: at most `limit` failed sign-ins per `windowMs`. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/**
 * Per address, for every client without a device cookie for it together: enough for typos, few enough that
 * guessing one account's password goes nowhere. A stranger can use it up, so it stops only untrusted clients.
 */
export const PER_ACCOUNT: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };
/** Per client without a device cookie: several people behind one office address may each mistype a few times. */
export const PER_CLIENT: ThrottleRule = { limit: 20, windowMs: 15 * 60_000 };
/**
 * Per device cookie: a browser that signed in to the account before has its own small budget, which nobody else
 * can spend, so its owner signs in while a stranger has locked out every untrusted client.
 */
export const PER_DEVICE: ThrottleRule = { limit: 5, windowMs: 15 * 60_000 };

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Whether one more attempt may be checked, given the times (ms) of recent failures, newest first: once `limit`
 * failures fall inside the window, the next attempt waits until the oldest of them leaves it.
 */
export function throttleVerdict(failures: number[], now: number, rule: ThrottleRule): Verdict {
  const inWindow = failures.filter((at) => at > now - rule.windowMs);
  if (inWindow.length < rule.limit) return { allowed: true };
  const freedAt = Math.min(...inWindow.slice(0, rule.limit)) + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now) / 1000)) };
}

/** The stricter of several verdicts: refused if any refuses, for as long as the longest wait. */
export function strictest(verdicts: Verdict[]): Verdict {
  const waits = verdicts.flatMap((v) => (v.allowed ? [] : [v.retryAfterSeconds]));
  return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
}
