import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { database, postgresPoolOf } from '../db/connection.ts';
import { databaseSettings } from '../settings.ts';

export type RateLimitAnswer = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type RateLimit = (key: string) => Promise<RateLimitAnswer>;

/**
 * Allows `points` attempts per key per `seconds` (a minute unless given; 0 points = no limit), counted apart for each `name`. On PostgreSQL the
 * counts live in the shared database (table rate_limits, migration 004), so a limit holds across instances;
 * the single SQLite instance keeps them in memory. A database that cannot be reached fails the call, and the
 * request with it (a 503), rather than letting it through unlimited.
 */
export function createRateLimit(name: string, points: number, seconds = 60): RateLimit {
  if (points === 0) return async () => ({ allowed: true });
  let limiter: RateLimiterAbstract | undefined;
  const limiterFor = async () => {
    if (limiter) return limiter;
    const pool = databaseSettings(process.env).kind === 'postgres' ? postgresPoolOf(await database()) : undefined;
    const options = { keyPrefix: name, points, duration: seconds };
    // Expired counters are deleted by the retention schedule (src/server/retention/), not by a timer of the library's.
    const store = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: false };
    limiter = pool ? new RateLimiterPostgres({ ...options, ...store }) : new RateLimiterMemory(options);
    return limiter;
  };
  return async (key) => {
    try {
      await (await limiterFor()).consume(key);
      return { allowed: true };
    } catch (result) {
      if (!(result instanceof RateLimiterRes)) throw result;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
    }
  };
}
