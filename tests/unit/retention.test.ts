import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/server/db/connection.ts';
import { createEventStore } from '../../src/server/db/reader-events.ts';
import { retentionJobs } from '../../src/server/retention/jobs.ts';
import { startRetentionSchedule, type RetentionJob } from '../../src/server/retention/schedule.ts';
import { eventSettings } from '../../src/server/settings.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { addRequesterMessage } from '../../src/server/db/conversation.ts';
import { emailsOf, queueEmails, recordSent } from '../../src/server/db/outbox.ts';
import { insertRequestKeys } from '../../src/server/db/request-keys.ts';
import { requesterMessageMail } from '../../src/server/email/ticket-mail.ts';
import { tempDatabase } from '../support/temp-database.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date('2025-07-01T12:00:00.000Z');
const search = { type: 'search' as const, query: 'refund', results: 1 };

let database: Awaited<ReturnType<typeof tempDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await tempDatabase();
  db = database.db;
});
afterAll(() => database.remove());

/** Runs the registered job of that name once, as the schedule would. */
async function runJob(name: string, settings = { eventRetentionDays: 180, ticketRetentionDays: 365 }): Promise<string | undefined> {
  const job = retentionJobs(settings).find((j) => j.name === name);
  if (!job) throw new Error(`no retention job named "${name}"`);
  return job.run(db, NOW, new AbortController().signal);
}

describe('retention jobs', () => {
  it('delete reader events older than the retention period and keep the rest', async () => {
    const store = createEventStore(async () => db);
    for (const age of [0, 10, 179.9, 180.1, 400]) await store({ events: [search], receivedAt: new Date(NOW.getTime() - age * DAY) });
    expect(await runJob('reader events')).toBe('deleted 2 reader events older than 180 days');
    const left = await db.selectFrom('reader_events').select('created_at').orderBy('created_at').execute();
    expect(left.map((r) => r.created_at)).toEqual([
      new Date(NOW.getTime() - 179.9 * DAY).toISOString(),
      new Date(NOW.getTime() - 10 * DAY).toISOString(),
      NOW.toISOString(),
    ]);
    expect(await runJob('reader events')).toBeUndefined();
  });

  it('drop vote claims and salts older than yesterday', async () => {
    await db
      .insertInto('vote_claims')
      .values([
        { key: 'old', created_at: '2025-06-29T23:59:59.000Z' },
        { key: 'yesterday', created_at: '2025-06-30T00:00:00.000Z' },
        { key: 'today', created_at: '2025-07-01T08:00:00.000Z' },
      ])
      .execute();
    await db
      .insertInto('daily_salts')
      .values(['2025-06-29', '2025-06-30', '2025-07-01'].map((day) => ({ day, salt: `salt-${day}` })))
      .execute();
    expect(await runJob('vote claims and daily salts')).toBe('deleted 1 vote claim, deleted 1 daily salt');
    expect((await db.selectFrom('vote_claims').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['today', 'yesterday']);
    expect((await db.selectFrom('daily_salts').select('day').orderBy('day').execute()).map((r) => r.day)).toEqual([
      '2025-06-30',
      '2025-07-01',
    ]);
  });

  it('forget idempotency keys after 48 hours, with or without requests coming in', async () => {
    const [{ reference }] = await seedTickets(db, { count: 1, series: 'K' });
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR).toISOString();
    await db
      .insertInto('idempotency_keys')
      .values([
        { key: 'fresh', request_hash: 'h', reference, created_at: hoursAgo(47) },
        { key: 'stale', request_hash: 'h', reference, created_at: hoursAgo(49) },
      ])
      .execute();
    expect(await runJob('idempotency keys')).toBe('deleted 1 idempotency key older than 48 hours');
    expect((await db.selectFrom('idempotency_keys').select('key').execute()).map((r) => r.key)).toEqual(['fresh']);
  });

  it('delete rate-limit counters whose window has ended', async () => {
    await db
      .insertInto('rate_limits')
      .values([
        { key: 'ended', points: 3, expire: NOW.getTime() - 1 },
        { key: 'running', points: 3, expire: NOW.getTime() + 30_000 },
        { key: 'forever', points: 1, expire: null },
      ])
      .execute();
    expect(await runJob('rate-limit counters')).toBe('deleted 1 expired rate-limit counter');
    expect((await db.selectFrom('rate_limits').select('key').orderBy('key').execute()).map((r) => r.key)).toEqual(['forever', 'running']);
  });

  it('delete sign-in records after 90 days', async () => {
    const attempt = {
      email_normalized: 'a@example.com',
      staff_id: null,
      client_key: 'c',
      device_id: null,
      outcome: 'wrong-password' as const,
    };
    await db
      .insertInto('sign_in_attempts')
      .values([
        { ...attempt, id: 'old', attempted_at: new Date(NOW.getTime() - 91 * DAY).toISOString() },
        { ...attempt, id: 'recent', attempted_at: new Date(NOW.getTime() - 89 * DAY).toISOString() },
      ])
      .execute();
    expect(await runJob('sign-in records')).toBe('deleted 1 sign-in record older than 90 days');
    expect((await db.selectFrom('sign_in_attempts').select('id').execute()).map((r) => r.id)).toEqual(['recent']);
  });

  it('forget the text of emails sent over 30 days ago, keeping their state', async () => {
    const [{ reference }] = await seedTickets(db, { count: 1, series: 'E' });
    const email = (n: number) => ({
      kind: 'reply' as const,
      recipient: 'r@example.com',
      recipientName: 'R',
      subject: `Reply ${n}`,
      textBody: `Text ${n}`,
      htmlBody: `<p>Text ${n}</p>`,
      messageId: `<e${n}@example.com>`,
    });
    await queueEmails(db, reference, [email(1), email(2), email(3)], new Date(NOW.getTime() - 40 * DAY));
    const [old, recent] = await emailsOf(db, reference);
    await recordSent(db, old.id, new Date(NOW.getTime() - 31 * DAY));
    await recordSent(db, recent.id, new Date(NOW.getTime() - 29 * DAY));
    expect(await runJob('copies of sent emails')).toBe('forgot the text of 1 email sent over 30 days ago');
    const after = await emailsOf(db, reference);
    expect(after.map((e) => [e.subject, e.status, e.textBody])).toEqual([
      ['Reply 1', 'sent', ''],
      ['Reply 2', 'sent', 'Text 2'],
      // Never sent: kept whole, however old.
      ['Reply 3', 'queued', 'Text 3'],
    ]);
    expect(await runJob('copies of sent emails')).toBeUndefined();
  });

  it('anonymise long-closed tickets with their messages, page keys, emails and search index', async () => {
    const [{ reference }] = await seedTickets(db, { count: 1, series: 'A', status: () => 'open' });
    await insertRequestKeys(db, reference, ['a'.repeat(64)], NOW);
    await addRequesterMessage(db, {
      reference,
      body: 'My new phone number is 555-0100.',
      source: 'page',
      idempotencyKey: null,
      mail: requesterMessageMail,
    });
    await db
      .updateTable('tickets')
      .set({ status: 'resolved', closed_at: new Date(NOW.getTime() - 400 * DAY).toISOString() })
      .where('reference', '=', reference)
      .execute();
    await queueEmails(
      db,
      reference,
      [{ kind: 'reply', recipient: 'r@example.com', recipientName: 'R', subject: 's', textBody: 't', htmlBody: 'h', messageId: '<a@b>' }],
      NOW,
    );
    expect(await runJob('closed tickets')).toMatch(/^anonymised 1 ticket/);
    const left = async (table: 'request_keys' | 'outbox' | 'ticket_texts') =>
      (await db.selectFrom(table).select('reference').where('reference', '=', reference).execute()).length;
    expect([await left('request_keys'), await left('outbox'), await left('ticket_texts')]).toEqual([0, 0, 0]);
    const messages = await db.selectFrom('ticket_messages').select('body').where('reference', '=', reference).execute();
    expect(messages.map((m) => m.body)).toEqual(['[erased]']);
  });

  it('leave tickets alone when TICKET_RETENTION_DAYS is 0', () => {
    const names = (ticketRetentionDays: number) => retentionJobs({ eventRetentionDays: 180, ticketRetentionDays }).map((j) => j.name);
    expect(names(365)).toContain('closed tickets');
    expect(names(0)).not.toContain('closed tickets');
    expect(names(0)).toContain('expired staff sessions and device cookies');
  });

  it('reads EVENT_RETENTION_DAYS (default 180, at least 1)', () => {
    expect(eventSettings({}).retentionDays).toBe(180);
    expect(eventSettings({ EVENT_RETENTION_DAYS: '30' }).retentionDays).toBe(30);
    expect(() => eventSettings({ EVENT_RETENTION_DAYS: '0' })).toThrow('EVENT_RETENTION_DAYS must be 1 or more (got "0")');
    expect(() => eventSettings({ EVENT_RETENTION_DAYS: 'soon' })).toThrow(/^EVENT_RETENTION_DAYS must be a whole number/);
  });
});

describe('the retention schedule', () => {
  const fakeDb = async () => ({}) as Db;
  const job = (name: string, run: RetentionJob['run']): RetentionJob => ({ name, run });
  const quietLog = () => ({ log: vi.fn(), error: vi.fn() });

  it('runs every job at once and then on its interval, until stopped', async () => {
    vi.useFakeTimers();
    try {
      const runs: string[] = [];
      const log = quietLog();
      const schedule = startRetentionSchedule({
        db: fakeDb,
        jobs: ['events', 'tickets', 'keys'].map((name) => job(name, async () => void runs.push(name))),
        everyMs: 1000,
        log,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(runs).toEqual(['events', 'tickets', 'keys']);
      await vi.advanceTimersByTimeAsync(2000);
      expect(runs).toHaveLength(9);
      await schedule.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(runs).toHaveLength(9);
      expect(log.log).not.toHaveBeenCalled(); // nothing purged, nothing said
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs the other jobs when one fails, and logs what each did on one line', async () => {
    const log = quietLog();
    const schedule = startRetentionSchedule({
      db: fakeDb,
      jobs: [
        job('reader events', async () => 'deleted 2 reader events older than 180 days'),
        job('closed tickets', async () => {
          throw new Error('disk I/O error');
        }),
        job('idempotency keys', async () => 'deleted 1 idempotency key older than 48 hours'),
      ],
      log,
    });
    await vi.waitFor(() => expect(log.log).toHaveBeenCalled());
    await schedule.stop();
    expect(log.error.mock.calls).toEqual([['retention: could not purge closed tickets: disk I/O error']]);
    expect(log.log.mock.calls).toEqual([
      ['retention: deleted 2 reader events older than 180 days; deleted 1 idempotency key older than 48 hours'],
    ]);
  });

  it('says once when the database is unavailable, and tries again next time', async () => {
    vi.useFakeTimers();
    try {
      const log = quietLog();
      let up = false;
      const ran = vi.fn(async () => undefined);
      const schedule = startRetentionSchedule({
        db: async () => {
          if (!up) throw new Error('connect ECONNREFUSED');
          return {} as Db;
        },
        jobs: [job('a', ran), job('b', ran)],
        everyMs: 1000,
        log,
      });
      await vi.advanceTimersByTimeAsync(0);
      expect(log.error.mock.calls).toEqual([['retention: skipped, the database is unavailable: connect ECONNREFUSED']]);
      up = true;
      await vi.advanceTimersByTimeAsync(1000);
      expect(ran).toHaveBeenCalledTimes(2);
      await schedule.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stop waits for the job in progress and starts no other', async () => {
    let finish!: () => void;
    let started!: () => void;
    const inProgress = new Promise<void>((resolve) => (started = resolve));
    const later = vi.fn(async () => undefined);
    let signal: AbortSignal | undefined;
    const schedule = startRetentionSchedule({
      db: fakeDb,
      jobs: [
        job('slow', (_db, _now, stopping) => {
          signal = stopping;
          started();
          return new Promise((resolve) => (finish = () => resolve('deleted 1 slow thing')));
        }),
        job('later', later),
      ],
      log: quietLog(),
    });
    await inProgress;
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signal?.aborted).toBe(true); // a long job can end early
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(later).not.toHaveBeenCalled();
  });

  it('never keeps the process alive', () => {
    // A process that holds itself open for 300 ms: the schedule runs meanwhile, then the process ends on its own.
    const schedule = new URL('../../src/server/retention/schedule.ts', import.meta.url).href;
    const script = `
      import { startRetentionSchedule } from ${JSON.stringify(schedule)};
      startRetentionSchedule({ db: async () => ({}), everyMs: 50, jobs: [{ name: 'x', run: async () => void console.log('ran') }] });
      setTimeout(() => {}, 300);
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).toBe('');
    expect(child.signal).toBeNull(); // not ended by the timeout
    expect(child.status).toBe(0);
    expect(child.stdout.match(/ran/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
