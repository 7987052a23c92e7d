import type { Db } from '../db/connection.ts';
import { purgeOldSalts } from '../db/daily-salt.ts';
import { deleteIdempotencyKeysBefore } from '../db/new-tickets.ts';
import { forgetSentBodies } from '../db/outbox.ts';
import { purgeVoteClaims } from '../db/feedback.ts';
import { anonymise, closedBefore } from '../db/personal-data.ts';
import { deleteExpiredRateLimits } from '../db/rate-limits.ts';
import { deleteEventsBefore } from '../db/reader-events.ts';
import { deleteAttemptsBefore } from '../db/sign-in-attempts.ts';
import { deleteDevicesExpiredBefore } from '../db/staff-devices.ts';
import { deleteSessionsExpiredBefore } from '../db/staff-sessions.ts';
import { utcDay } from '../feedback/voter-key.ts';
import { formatMessage, type PluralMessage } from '../../i18n/format.ts';
import type { RetentionJob } from './schedule.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Sign-in records are kept this long: enough to look into an incident, not a history of everyone's logins. */
export const SIGN_IN_RECORD_DAYS = 90;
/** Keys are promised for 24 hours; keeping them twice as long covers clocks and slow retries. */
export const IDEMPOTENCY_KEY_HOURS = 48;
/**
 * Sent emails keep their text this long (to send one again, or to see what went out); then only their state stays.
 * Keys to requesters' pages, and all emails of a ticket, go when the ticket is anonymised (the closed tickets job).
 */
export const SENT_EMAIL_DAYS = 30;
/** Tickets are anonymised in small transactions, so the server's own writes never wait long behind one. */
const TICKET_BATCH = 500;

const before = (now: Date, ms: number) => new Date(now.getTime() - ms);
/**
 * "deleted 3 reader events older than 180 days", or nothing when there was nothing to delete. Log lines are the
 * operator's, in English, outside the message catalogue; their plurals are chosen as the catalogue's are.
 */
const deleted = (count: number, what: PluralMessage, detail = '') =>
  count > 0 ? `deleted ${formatMessage(what, { count }, 'en')}${detail}` : undefined;

/** Everything the server keeps only for a while, as `EVENT_RETENTION_DAYS` and `TICKET_RETENTION_DAYS` say. */
export function retentionJobs({
  eventRetentionDays,
  ticketRetentionDays,
}: {
  eventRetentionDays: number;
  /** 0 keeps tickets for good. */
  ticketRetentionDays: number;
}): RetentionJob[] {
  return [
    {
      name: 'reader events',
      run: async (db, now) =>
        deleted(
          await deleteEventsBefore(db, before(now, eventRetentionDays * DAY_MS)),
          { one: '{count} reader event', other: '{count} reader events' },
          ` older than ${eventRetentionDays} days`,
        ),
    },
    {
      // A vote's repeat check needs only its own day's claims and salt: those of days before yesterday go.
      name: 'vote claims and daily salts',
      run: async (db, now) => {
        const yesterday = utcDay(before(now, DAY_MS));
        const claims = await purgeVoteClaims(db, new Date(`${yesterday}T00:00:00.000Z`));
        const salts = await purgeOldSalts(db, yesterday);
        return (
          [
            deleted(claims, { one: '{count} vote claim', other: '{count} vote claims' }),
            deleted(salts, { one: '{count} daily salt', other: '{count} daily salts' }),
          ]
            .filter(Boolean)
            .join(', ') || undefined
        );
      },
    },
    ...(ticketRetentionDays > 0
      ? [
          {
            name: 'closed tickets',
            run: async (db: Db, now: Date, stopping: AbortSignal) => {
              const count = await anonymiseClosedTickets(db, before(now, ticketRetentionDays * DAY_MS), now, stopping);
              const tickets = formatMessage({ one: '{count} ticket', other: '{count} tickets' }, { count }, 'en');
              return count > 0 ? `anonymised ${tickets} closed over ${ticketRetentionDays} days ago` : undefined;
            },
          },
        ]
      : []),
    {
      name: 'copies of sent emails',
      run: async (db, now) => {
        const forgotten = await forgetSentBodies(db, before(now, SENT_EMAIL_DAYS * DAY_MS));
        const emails = formatMessage({ one: '{count} email', other: '{count} emails' }, { count: forgotten }, 'en');
        return forgotten > 0 ? `forgot the text of ${emails} sent over ${SENT_EMAIL_DAYS} days ago` : undefined;
      },
    },
    {
      name: 'expired staff sessions and device cookies',
      run: async (db, now) => {
        const sessions = await deleteSessionsExpiredBefore(db, now.toISOString());
        const devices = await deleteDevicesExpiredBefore(db, now.toISOString());
        return (
          [
            deleted(sessions, { one: '{count} expired staff session', other: '{count} expired staff sessions' }),
            deleted(devices, { one: '{count} expired device cookie', other: '{count} expired device cookies' }),
          ]
            .filter(Boolean)
            .join(', ') || undefined
        );
      },
    },
    {
      name: 'sign-in records',
      run: async (db, now) =>
        deleted(
          await deleteAttemptsBefore(db, before(now, SIGN_IN_RECORD_DAYS * DAY_MS).toISOString()),
          { one: '{count} sign-in record', other: '{count} sign-in records' },
          ` older than ${SIGN_IN_RECORD_DAYS} days`,
        ),
    },
    {
      name: 'idempotency keys',
      run: async (db, now) =>
        deleted(
          await deleteIdempotencyKeysBefore(db, before(now, IDEMPOTENCY_KEY_HOURS * HOUR_MS)),
          { one: '{count} idempotency key', other: '{count} idempotency keys' },
          ` older than ${IDEMPOTENCY_KEY_HOURS} hours`,
        ),
    },
    {
      name: 'rate-limit counters',
      run: async (db, now) =>
        deleted(await deleteExpiredRateLimits(db, now), {
          one: '{count} expired rate-limit counter',
          other: '{count} expired rate-limit counters',
        }),
    },
  ];
}

/** Anonymises tickets closed before `cutoff`, batch by batch until none is left or the server stops; returns how many. */
export async function anonymiseClosedTickets(db: Db, cutoff: Date, now: Date, stopping?: AbortSignal): Promise<number> {
  let anonymised = 0;
  while (!stopping?.aborted) {
    const batch = await closedBefore(db, cutoff.toISOString(), TICKET_BATCH);
    if (batch.length === 0) break;
    anonymised += (await anonymise(db, batch, { staffId: null, reason: 'retention' }, now)).length;
  }
  return anonymised;
}
