import type { Db } from './connection.ts';

/**
 * Deletes the rate limiter's counters whose window ended before `now` (the limiter starts a new window for such
 * a key anyway); returns how many. Done by the retention schedule rather than by the library's own timer, so one
 * stop covers every purge.
 */
export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expire', '<', now.getTime()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
