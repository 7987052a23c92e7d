/** People need longer than this to read the form and describe a problem; scripts post at once. */
export const MIN_FILL_MS = 3_000;

export interface SpamSignals {
  /** The hidden "website" field; people never see it, so never fill it in. */
  honeypot: unknown;
  /** When the form was rendered (ms since epoch), from its hidden field. */
  startedAt: unknown;
  /** The plain form always carries startedAt; API clients may leave it out. */
  requireStartedAt: boolean;
}

/** Why a valid submission looks automated, or null. Spam is answered like success, so bots learn nothing. */
export function spamReason({ honeypot, startedAt, requireStartedAt }: SpamSignals, now: number): string | null {
  if (honeypot !== undefined && honeypot !== '' && honeypot !== null) return 'honeypot';
  if (startedAt === undefined) return requireStartedAt ? 'no-start-time' : null;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return 'bad-start-time';
  if (now - startedAt < MIN_FILL_MS) return 'too-fast';
  return null;
}
