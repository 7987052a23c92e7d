import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateLimit = (key: string) => Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;

/**
 * Allows `perMinute` attempts per key per minute (0 = no limit). Memory is right for the single-instance
 * SQLite default; several instances need the limits in their shared database.
 */
export function createRateLimit(perMinute: number): RateLimit {
  if (perMinute === 0) return async () => ({ allowed: true });
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (key) => {
    try {
      await limiter.consume(key);
      return { allowed: true };
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    }
  };
}
