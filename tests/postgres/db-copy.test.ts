// `npm run db:copy -- --to URL` as an operator runs it to move a help center from SQLite to PostgreSQL: the real
// command against a SQLite database with something in every table, and a scratch PostgreSQL database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editAnnouncement, publishAnnouncement } from '../../src/server/db/announcements.ts';
import { auditOf } from '../../src/server/db/audit.ts';
import { migrateToLatest, openPostgres, openSqlite, type Db } from '../../src/server/db/connection.ts';
import { COPY_ORDER, type CopiedTable } from '../../src/server/db/copy.ts';
import { markQueueItem } from '../../src/server/db/queue-marks.ts';
import { dailySalt } from '../../src/server/db/daily-salt.ts';
import { addVoteDetails, recordVote } from '../../src/server/db/feedback.ts';
import { recordAttempt } from '../../src/server/db/sign-in-attempts.ts';
import { insertDevice } from '../../src/server/db/staff-devices.ts';
import { insertSession } from '../../src/server/db/staff-sessions.ts';
import { addNote, assign, changeStatus, notesOf, ticketByReference } from '../../src/server/db/tickets.ts';
import { addStaff } from '../../src/server/staff/accounts.ts';
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from '../../harness/postgres.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { projectNode } from '../../harness/project-node.ts';
import { addRequesterMessage, addStaffReply } from '../../src/server/db/conversation.ts';
import { attachmentOf, attachmentsOf, insertAttachments } from '../../src/server/db/attachments.ts';
import { replyTokensOf } from '../../src/server/db/reply-tokens.ts';
import { PNG } from '../support/files.ts';
import { addSavedReply } from '../../src/server/db/saved-replies.ts';
import { requesterMessageMail, staffReplyMail } from '../../src/server/email/ticket-mail.ts';
import { seedTickets, type SeededTicket } from '../../harness/seed-tickets.ts';

const TICKETS = 400;
const dataDir = mkdtempSync(join(tmpdir(), 'signpost-db-copy-'));
let sqlite: Db;
let tickets: SeededTicket[];
let scratch: ScratchDatabase;

beforeAll(async () => {
  sqlite = openSqlite(dataDir);
  await migrateToLatest(sqlite);
  await seedHelpCenter(sqlite);
  scratch = await createScratchDatabase(testDatabaseUrl()!, 'db_copy');
});
afterAll(async () => {
  await sqlite?.destroy();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A help center that has been in use: at least one row in every table the copy moves. */
async function seedHelpCenter(db: Db): Promise<void> {
  const staff = [];
  for (const [email, name, role] of [
    ['ada@example.com', 'Ada Agent', 'agent'],
    ['max@example.com', 'Max Admin', 'admin'],
  ]) {
    const added = await addStaff(db, { email, name, role, password: 'correct horse battery staple' }, null);
    if (!added.ok) throw new Error(added.message);
    staff.push(added.account);
  }
  const [agent, admin] = staff;
  const now = new Date('2025-03-01T12:00:00.000Z');
  await insertSession(db, {
    idHash: 'a'.repeat(64),
    staffId: agent.id,
    createdAt: now.toISOString(),
    expiresAt: '2025-03-31T12:00:00.000Z',
  });
  await recordAttempt(db, {
    id: 'attempt-1',
    attempted_at: now.toISOString(),
    email_normalized: 'ada@example.com',
    staff_id: agent.id,
    client_key: '198.51.100.7',
    outcome: 'success',
    device_id: null,
  });
  await insertDevice(db, {
    id: 'device-1',
    tokenHash: 'b'.repeat(64),
    staffId: agent.id,
    at: now.toISOString(),
    expiresAt: '2025-09-01T12:00:00.000Z',
  });

  tickets = await seedTickets(db, {
    count: TICKETS,
    status: (i) => (i % 11 === 0 ? 'spam' : 'new'),
    accountEmails: (i) => (i % 4 === 0 ? [`account${i}@example.com`, `Other${i}@Example.com`] : []),
    closedAt: (i) => (i % 11 === 0 ? '2025-02-01T00:00:00.000Z' : null),
  });
  for (const [i, { reference }] of tickets.entries()) {
    if (i % 3 === 0) await assign(db, reference, i % 2 ? agent.id : admin.id, i % 2 ? agent.id : admin.id, now);
    if (i % 5 === 0) await addNote(db, reference, agent.id, `Called the requester about ${reference}.`, now);
    if (i % 10 === 0) await addNote(db, reference, admin.id, 'Second note: "quotes", ünïcødé and\nnew lines.', now);
    if (i % 7 === 0) await changeStatus(db, reference, i % 2 ? 'resolved' : 'waiting', agent.id, now);
    // A conversation: a reply (its email and the key its link carries) and the requester's answer.
    if (i % 6 === 1) {
      await addStaffReply(db, { reference, staffId: agent.id, body: `Try again now, ${reference}.`, mail: staffReplyMail }, now);
      await addRequesterMessage(
        db,
        { reference, body: 'Still “broken”.', source: 'page', idempotencyKey: `k-${i}`, mail: requesterMessageMail },
        now,
      );
    }
    // A reply by email, with the text as it arrived.
    if (i % 12 === 1)
      await addRequesterMessage(
        db,
        {
          reference,
          body: 'Fixed, thanks.',
          source: 'email',
          idempotencyKey: `email:<${i}@mail.example>`,
          originalBody: 'Fixed, thanks.\n\nOn Sat, 1 Mar 2025 Loomwork wrote:\n> Try again now',
          mail: requesterMessageMail,
        },
        now,
      );
  }
  // A screenshot sent with a request.
  await insertAttachments(
    db,
    tickets[2].reference,
    null,
    [{ name: 'screen.png', contentType: 'image/png', sha256: 'c'.repeat(64), content: PNG }],
    now,
  );
  // The reply addresses of the tickets whose emails went out.
  await replyTokensOf(
    db,
    tickets.filter((_, i) => i % 6 === 1).map((t) => t.reference),
    now,
  );
  await addSavedReply(db, { title: 'Reset link', body: 'Here is a new reset link.' }, now);
  await db
    .insertInto('idempotency_keys')
    .values({ key: crypto.randomUUID(), request_hash: 'f'.repeat(64), reference: tickets[1].reference, created_at: now.toISOString() })
    .execute();

  for (const [claimKey, answer] of [
    ['claim-1', 'yes'],
    ['claim-2', 'no'],
  ] as const) {
    const vote = await recordVote(db, { article: 'forgot-password', answer, language: 'es', claimKey, createdAt: now });
    if (vote.outcome === 'created' && answer === 'no') {
      await addVoteDetails(db, { id: vote.id, reasons: ['unclear'], comment: 'Step 3 is missing.', at: now });
    }
  }
  await dailySalt(db, '2025-03-01');
  await db
    .insertInto('reader_events')
    .values([
      { id: 'event-1', created_at: now.toISOString(), type: 'search', query: 'reset password', result_count: 4 },
      { id: 'event-2', created_at: now.toISOString(), type: 'search_open', query: 'reset', target: '/articles/x/', result_rank: 2 },
    ])
    .execute();

  const editor = { id: admin.id, email: admin.email };
  const fields = { message: 'Sign-in is **slow** today.', icon: 'warning', countries: ['GB', 'IE'], userTypes: 'all' } as const;
  const announcement = await publishAnnouncement(db, { ...fields, countries: [...fields.countries] }, editor, now);
  await editAnnouncement(db, announcement, { ...fields, countries: 'all', end: '2025-03-02T00:00:00.000Z' }, editor, now);
  await markQueueItem(db, 'search-no-results:refund policy', { state: 'snoozed', until: '2025-03-08T12:00:00.000Z' }, admin.email, now);
}

function runCopy(to: string) {
  return spawnSync(projectNode(projectRoot), ['scripts/db-copy.ts', '--to', to], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  });
}

/** The printed count table: table → [SQLite, PostgreSQL]. */
function printedCounts(stdout: string): Record<string, [number, number]> {
  const rows = [...stdout.matchAll(/^(\w+) +(\d+) +(\d+)$/gm)];
  return Object.fromEntries(rows.map(([, table, sqliteRows, postgresRows]) => [table, [Number(sqliteRows), Number(postgresRows)]]));
}

/** Every row, each as JSON with its columns in name order, sorted: PostgreSQL's text order need not be SQLite's. */
async function contents(db: Db): Promise<Record<CopiedTable, string[]>> {
  const tables = await Promise.all(
    COPY_ORDER.map(async (table) => {
      const rows = await db.selectFrom(table).selectAll().execute();
      // PostgreSQL's full-text column is computed from the copied text, not copied (migration 008).
      const copied = (row: object) => Object.keys(row).filter((column) => !(table === 'ticket_texts' && column === 'search'));
      return [table, rows.map((row) => JSON.stringify(row, copied(row).sort())).sort()] as const;
    }),
  );
  return Object.fromEntries(tables) as Record<CopiedTable, string[]>;
}

async function withPostgres<T>(use: (db: Db) => Promise<T>): Promise<T> {
  const db = openPostgres(scratch.url, 2);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

describe('npm run db:copy', () => {
  it('copies a help center in use into an empty PostgreSQL database and prints equal counts for every table', async () => {
    const copy = runCopy(scratch.url);
    expect(copy.stderr).not.toMatch(/Nothing was copied|Cannot open/);
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/^Copied \d+ rows; the counts match\./m);

    const source = await contents(sqlite);
    const expected = Object.fromEntries(COPY_ORDER.map((table) => [table, [source[table].length, source[table].length]]));
    expect(printedCounts(copy.stdout)).toEqual(expected);
    for (const table of COPY_ORDER) expect(source[table].length, `${table} has rows to copy`).toBeGreaterThan(0);

    await withPostgres(async (postgres) => {
      expect(await contents(postgres)).toEqual(source);
      // What staff see of each ticket: its fields, assignee, notes with their authors, and its audit trail.
      for (const { reference } of tickets) {
        expect(await ticketByReference(postgres, reference)).toEqual(await ticketByReference(sqlite, reference));
        expect(await notesOf(postgres, reference)).toEqual(await notesOf(sqlite, reference));
        expect(await auditOf(postgres, reference)).toEqual(await auditOf(sqlite, reference));
      }
      // Files byte for byte (the row comparison above cannot see inside binary columns).
      const [file] = await attachmentsOf(sqlite, tickets[2].reference);
      expect(await attachmentOf(postgres, tickets[2].reference, file.id)).toEqual(
        await attachmentOf(sqlite, tickets[2].reference, file.id),
      );
      expect((await attachmentOf(postgres, tickets[2].reference, file.id))?.content).toEqual(PNG);
    });
  });

  it('refuses a second copy into the now non-empty database and changes nothing there', async () => {
    const before = await withPostgres(contents);
    // A ticket the first copy did not see: copying again would merge it in.
    await seedTickets(sqlite, { count: 1, series: 'T' });

    const again = runCopy(scratch.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^Nothing was copied to PostgreSQL database "signpost_db_copy_\w+" at [\d.]+:\d+: it already holds data \(/m,
    );
    expect(again.stdout).not.toMatch(/Copied/);
    expect(await withPostgres(contents)).toEqual(before);
  });

  it('with a wrong password, fails in one line that does not show the password', () => {
    const wrong = new URL(scratch.url);
    wrong.password = 'not-the-password-8c1f';
    const copy = runCopy(wrong.href);
    expect(copy.status).toBe(1);
    expect(copy.stdout).toBe('');
    expect(copy.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^Cannot open PostgreSQL database "[^"]+" at [^ ]+: PostgreSQL refused user "${wrong.username}": check the user`),
      ),
    ]);
    expect(copy.stderr).not.toContain('not-the-password-8c1f');
  });
});
