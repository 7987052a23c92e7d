import type { Db } from '../db/connection.ts';
import { purgeOldSalts } from '../db/daily-salt.ts';
import { purgeVoteClaims } from '../db/feedback.ts';
import { deleteEventsBefore } from '../db/reader-events.ts';
import { utcDay } from '../feedback/voter-key.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes what is kept only for a while: reader events older than `retentionDays`, and the vote claims and
 * salts of days before yesterday (a vote's repeat check needs only its own day).
 */
export async function purgeExpired(db: Db, now: Date, retentionDays: number): Promise<{ events: number }> {
  const events = await deleteEventsBefore(db, new Date(now.getTime() - retentionDays * DAY_MS));
  const yesterday = new Date(now.getTime() - DAY_MS);
  await purgeVoteClaims(db, new Date(`${utcDay(yesterday)}T00:00:00.000Z`));
  await purgeOldSalts(db, utcDay(yesterday));
  return { events };
}

export interface RetentionSchedule {
  stop(): void;
}

/**
 * Purges now and then every hour. The timer is unref'd: it never keeps a stopping process alive. Several
 * instances may each run it; the deletes are idempotent.
 */
export function scheduleRetention({
  db,
  retentionDays,
  everyMs = PURGE_EVERY_MS,
  now = () => new Date(),
}: {
  db: () => Promise<Db>;
  retentionDays: number;
  everyMs?: number;
  now?: () => Date;
}): RetentionSchedule {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= (async () => {
      try {
        const { events } = await purgeExpired(await db(), now(), retentionDays);
        if (events > 0) console.log(`retention: deleted ${events} reader event${events === 1 ? '' : 's'} older than ${retentionDays} days`);
      } catch (error) {
        console.error(`retention purge failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = undefined;
      }
    })();
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
