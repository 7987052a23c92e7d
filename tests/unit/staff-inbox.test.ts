import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, migrateToLatest } from '../../src/server/db/connection.ts';
import { inboxPage, statusCounts, type InboxCursor, type InboxFilter, type InboxRow, type InboxSort } from '../../src/server/db/inbox.ts';
import { nodeSqliteDialect } from '../../src/server/db/node-sqlite-dialect.ts';
import type { Database, TicketStatus } from '../../src/server/db/schema.ts';
import { seedTickets, type SeededTicket } from '../../harness/seed-tickets.ts';

// A connection that keeps the SQL it ran, so the tests can ask SQLite how it ran it.
const dir = mkdtempSync(join(tmpdir(), 'signpost-inbox-'));
const sqlite = new DatabaseSync(databaseFile(dir));
const ran: CompiledQuery[] = [];
const db = new Kysely<Database>({ dialect: nodeSqliteDialect(sqlite), log: (event) => void ran.push(event.query) });

const STATUSES: TicketStatus[] = ['new', 'open', 'waiting', 'resolved', 'spam'];
const COUNT = 230;
let tickets: SeededTicket[];
const newestFirst = () => [...tickets].reverse();

beforeAll(async () => {
  await migrateToLatest(db);
  tickets = await seedTickets(db, {
    count: COUNT,
    status: (i) => STATUSES[i % 5],
    contactEmail: (i) => (i % 10 === 0 ? 'Frequent@Example.com' : `person${i}@example.com`),
    accountEmails: (i) => (i % 7 === 0 ? ['frequent@example.com', `alias${i}@example.com`] : []),
  });
});
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of a filter, read page by page forwards; and the same read backwards from the end. */
async function walk(filter: InboxFilter, size: number): Promise<{ forwards: string[]; backwards: string[]; pages: number }> {
  const forwards: string[] = [];
  let after: InboxCursor | undefined;
  let pages = 0;
  let last: InboxRow | undefined;
  do {
    const page = await inboxPage(db, filter, { after }, size);
    pages++;
    forwards.push(...page.rows.map((r) => r.reference));
    if (after) expect(page.newer).toEqual({ at: page.rows[0].createdAt, reference: page.rows[0].reference });
    after = page.older;
    if (!page.older && page.rows.length > 0) last = page.rows.at(-1);
  } while (after);
  const backwards: string[] = [];
  let before: InboxCursor | undefined = last && { at: last.createdAt, reference: last.reference };
  if (last) backwards.unshift(last.reference);
  while (before) {
    const page = await inboxPage(db, filter, { before }, size);
    backwards.unshift(...page.rows.map((r) => r.reference));
    before = page.newer;
  }
  return { forwards, backwards, pages };
}

describe('inbox queries', () => {
  it('lists everything but spam, newest first, in pages that fit together both ways', async () => {
    const expected = newestFirst()
      .filter((_, i) => STATUSES[(COUNT - 1 - i) % 5] !== 'spam')
      .map((t) => t.reference);
    const { forwards, backwards, pages } = await walk({}, 25);
    expect(forwards).toEqual(expected);
    expect(backwards).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 25));
  });

  it('filters by status', async () => {
    const { forwards } = await walk({ status: 'waiting' }, 10);
    expect(forwards).toEqual(
      newestFirst()
        .filter((_, i) => STATUSES[(COUNT - 1 - i) % 5] === 'waiting')
        .map((t) => t.reference),
    );
  });

  it('finds an address as contact or account email, in any case, newest first', async () => {
    const matching = tickets.filter((_, i) => i % 10 === 0 || i % 7 === 0).reverse();
    const { forwards } = await walk({ email: 'frequent@example.com', status: undefined }, 7);
    expect(forwards).toEqual(matching.filter((t) => STATUSES[tickets.indexOf(t) % 5] !== 'spam').map((t) => t.reference));
    const first = await inboxPage(db, { email: 'frequent@example.com', status: 'new' }, {}, 50);
    expect(first.rows.map((r) => r.status)).toEqual(first.rows.map(() => 'new'));
  });

  it('finds references by prefix', async () => {
    const target = tickets[123].reference;
    const page = await inboxPage(db, { referencePrefix: target.slice(0, 9), status: STATUSES[123 % 5] }, {}, 50);
    expect(page.rows.map((r) => r.reference)).toContain(target);
    expect(page.rows.every((r) => r.reference.startsWith(target.slice(0, 9)))).toBe(true);
    expect((await inboxPage(db, { referencePrefix: 'HC-ZZZZ' }, {}, 50)).rows).toEqual([]);
    // A prefix ending at a hyphen ("HC-", "HC-7KQ2-") means the same as without it.
    const withHyphen = await inboxPage(db, { referencePrefix: `${target.slice(0, 7)}-`, status: STATUSES[123 % 5] }, {}, 50);
    expect(withHyphen.rows.map((r) => r.reference)).toContain(target);
  });

  it('counts each status', async () => {
    // New and open tickets (nobody has replied to these seeded ones) wait for our reply.
    expect(await statusCounts(db)).toEqual({ new: 46, open: 46, waiting: 46, resolved: 46, spam: 46, awaitingUs: 92 });
  });

  it('reads every page from an index in order: no table scan, no sorting', async () => {
    const cursor = { after: { at: tickets[100].createdAt, reference: tickets[100].reference } };
    const variants: [string, InboxFilter, { after?: InboxCursor }, InboxSort?][] = [
      ['last activity, first page', {}, {}, 'activity'],
      ['last activity, deep, one status', { status: 'open' }, cursor, 'activity'],
      ['needs our reply', { awaitingUs: true }, {}],
      ['needs our reply, by last activity, deep', { awaitingUs: true }, cursor, 'activity'],
      ['first page, all but spam', {}, {}],
      ['deep page, all but spam', {}, cursor],
      ['deep page, one status', { status: 'open' }, cursor],
      ['email search', { email: 'frequent@example.com' }, {}],
      ['email search, deep, one status', { email: 'frequent@example.com', status: 'new' }, cursor],
    ];
    for (const [name, filter, position, sort] of variants) {
      ran.length = 0;
      await inboxPage(db, filter, position, 50, sort);
      const query = ran.at(-1)!;
      const plan = sqlite
        .prepare(`explain query plan ${query.sql}`)
        .all(...(query.parameters as SQLInputValue[]))
        .map((row) => String(row.detail));
      expect(plan.join('\n'), name).not.toMatch(/TEMP B-TREE|SCAN e\b(?! USING)/);
      expect(plan.join('\n'), name).toMatch(/USING (COVERING )?INDEX (tickets_|ticket_emails_)/);
    }
  });
});
