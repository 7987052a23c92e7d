import type { Db } from '../db/connection.ts';
import { anonymise, closedBefore } from '../db/personal-data.ts';
import { deleteAttemptsBefore } from '../db/sign-in-attempts.ts';
import { deleteDevicesExpiredBefore } from '../db/staff-devices.ts';
import { deleteSessionsExpiredBefore } from '../db/staff-sessions.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sign-in records are kept this long: enough to look into an incident, not a history of everyone's logins. */
export const SIGN_IN_RECORD_DAYS = 90;
const BATCH = 500;
const EVERY_MS = 60 * 60 * 1000;

/**
 * One pass of housekeeping: anonymises tickets closed more than `ticketRetentionDays` ago (0 = keep them),
 * deletes expired sessions and device cookies and old sign-in records. Returns how many tickets it anonymised.
 */
export async function applyRetention(db: Db, { ticketRetentionDays }: { ticketRetentionDays: number }, now = new Date()): Promise<number> {
  let anonymised = 0;
  if (ticketRetentionDays > 0) {
    const cutoff = new Date(now.getTime() - ticketRetentionDays * DAY_MS).toISOString();
    // Small transactions, so the server's own writes never wait long behind this one.
    for (let batch = await closedBefore(db, cutoff, BATCH); batch.length > 0; batch = await closedBefore(db, cutoff, BATCH)) {
      anonymised += (await anonymise(db, batch, { staffId: null, reason: 'retention' }, now)).length;
    }
  }
  await deleteSessionsExpiredBefore(db, now.toISOString());
  await deleteDevicesExpiredBefore(db, now.toISOString());
  await deleteAttemptsBefore(db, new Date(now.getTime() - SIGN_IN_RECORD_DAYS * DAY_MS).toISOString());
  return anonymised;
}

/**
 * Runs applyRetention at start and then hourly, without keeping the process alive. `stop` clears the timer
 * and waits for a pass in progress, so the database can be closed after it.
 */
export function startRetentionSchedule(
  db: () => Promise<Db>,
  settings: { ticketRetentionDays: number },
  everyMs = EVERY_MS,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running
      .then(async () => {
        const anonymised = await applyRetention(await db(), settings);
        if (anonymised > 0)
          console.log(
            `retention: anonymised ${anonymised} ticket${anonymised === 1 ? '' : 's'} closed over ${settings.ticketRetentionDays} days ago`,
          );
      })
      .catch((error: unknown) => console.error(`retention: ${error instanceof Error ? error.message : String(error)}`));
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
