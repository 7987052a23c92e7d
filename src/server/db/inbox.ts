import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connection.ts';
import { isPostgres } from './dialect.ts';
import type { TicketStatus } from './schema.ts';

export interface InboxFilter {
  /** One status, or undefined for every status but spam. */
  status?: TicketStatus;
  /** Tickets naming this address (normalised), as contact or account email. */
  email?: string;
  /** References starting with this (upper case, e.g. "HC-7K"). */
  referencePrefix?: string;
  /** Words every match has in its description or its messages (full-text, stemmed: "phones" finds "phone"). */
  text?: string;
  /** Only tickets whose requester waits for our reply. */
  awaitingUs?: boolean;
  /** Only tickets in this language (its code). */
  language?: string;
}

/** Newest first by when tickets arrived, or by their last activity (a message, a reply). */
export type InboxSort = 'received' | 'activity';

/** A position in the list's order: the (time, reference) of a row, the time being what the list sorts by. */
export interface InboxCursor {
  at: string;
  reference: string;
}

export interface InboxRow {
  reference: string;
  createdAt: string;
  lastActivityAt: string;
  status: TicketStatus;
  name: string;
  contactEmail: string;
  topic: string;
  assignee: string | null;
  /** The requester wrote after the first description and we have not answered since. */
  newMessage: boolean;
  awaitingUs: boolean;
  /** The code of the language the requester wrote in. */
  language: string;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursors for the neighbouring pages, when there are rows there. */
  newer?: InboxCursor;
  older?: InboxCursor;
}

/**
 * One page of the inbox, newest first, by keyset: rows after (older than) or before (newer than) a cursor.
 * Each variant reads one index range in order ((status or awaiting_us), then the sort's time and the reference; or the
 * email index), so a page deep in 100,000 tickets costs what the first page costs. A full-text search narrows to the
 * tickets whose texts match (FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL) and reads them in the same order.
 */
export async function inboxPage(
  db: Db,
  filter: InboxFilter,
  position: { after?: InboxCursor; before?: InboxCursor },
  size: number,
  sort: InboxSort = 'received',
): Promise<InboxPage> {
  const backwards = position.before !== undefined;
  const cursor = position.before ?? position.after;
  const direction = backwards ? 'asc' : 'desc';
  // Received order follows the email index's copy of (created_at, reference) when searching by email.
  // (A dynamic reference, because the email table is joined only for that search.)
  const time = sort === 'activity' ? 't.last_activity_at' : filter.email ? 'm.created_at' : 't.created_at';
  const order = [db.dynamic.ref<string>(time), db.dynamic.ref<string>(filter.email ? 'm.reference' : 't.reference')] as const;

  let query = db
    .selectFrom('tickets as t')
    .leftJoin('staff', 'staff.id', 't.assigned_to')
    .select([
      't.reference',
      't.created_at',
      't.last_activity_at',
      't.status',
      't.name',
      't.contact_email',
      't.topic',
      't.awaiting_us',
      't.language',
      't.last_requester_message_at',
      't.last_staff_reply_at',
      'staff.name as assignee',
    ]);
  if (filter.email) {
    const email = filter.email;
    query = query.innerJoin('ticket_emails as m', (join) =>
      join.onRef('m.reference', '=', 't.reference').on('m.email_normalized', '=', email),
    );
  }
  query = filter.status ? query.where('t.status', '=', filter.status) : query.where('t.status', '!=', 'spam');
  if (filter.awaitingUs) query = query.where('t.awaiting_us', '=', 1);
  if (filter.language) query = query.where('t.language', '=', filter.language);
  // Every reference has its hyphens in the same places, so a trailing one narrows nothing; dropped, because
  // PostgreSQL databases with a language collation ignore hyphens when comparing, and the range would be empty.
  const prefix = filter.referencePrefix?.replace(/-+$/, '');
  if (prefix) query = query.where('t.reference', '>=', prefix).where('t.reference', '<', prefixEnd(prefix));
  for (const matches of filter.text ? await wordFilters(db, filter.text) : []) {
    if (Array.isArray(matches) && matches.length === 0) return { rows: [] };
    query = query.where('t.reference', 'in', matches);
  }
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple(order[0], order[1]), backwards ? '>' : '<', eb.tuple(cursor.at, cursor.reference)));
  }
  const found = await query
    .orderBy(order[0], direction)
    .orderBy(order[1], direction)
    .limit(size + 1)
    .execute();

  const more = found.length > size;
  const page = found.slice(0, size);
  if (backwards) page.reverse();
  const rows = page.map((r): InboxRow => ({
    reference: r.reference,
    createdAt: r.created_at,
    lastActivityAt: r.last_activity_at,
    status: r.status,
    name: r.name,
    contactEmail: r.contact_email,
    topic: r.topic,
    assignee: r.assignee,
    newMessage: r.last_requester_message_at !== null && (r.last_staff_reply_at ?? '') < r.last_requester_message_at,
    awaitingUs: r.awaiting_us === 1,
    language: r.language,
  }));
  const at = (row: InboxRow | undefined) =>
    row && { at: sort === 'activity' ? row.lastActivityAt : row.createdAt, reference: row.reference };
  // Coming from a cursor means there are rows on its side; `more` says whether there are rows beyond this page.
  const hasNewer = backwards ? more : cursor !== undefined;
  const hasOlder = backwards ? cursor !== undefined : more;
  return { rows, newer: hasNewer ? at(rows[0]) : undefined, older: hasOlder ? at(rows[rows.length - 1]) : undefined };
}

/** The words of a search, as both databases' full-text queries take them: letters and digits, each word required. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A ticket matches when each word is in one of its texts (not necessarily all in the same one). */
const MAX_WORDS = 8;
/**
 * Up to this many tickets matching a word are listed by the full-text index and then read in the list's order;
 * a word in more tickets than that (one nearly every ticket has) is checked ticket by ticket along the list's index
 * instead, which finds a page of matches quickly for such a word. Neither database's planner tells the two apart well.
 */
const LISTED_MATCHES = 2_000;

/** The references of tickets with a text (description or message) holding `word`, as SQL. */
function matchingWord(db: Db, word: string) {
  // The stored tsvector the GIN index covers (migration 008).
  if (isPostgres(db))
    return sql<{ reference: string }>`select reference from ticket_texts where search @@ plainto_tsquery('english', ${word})`;
  // Quoted: FTS5 reads it as a term (stemmed by the porter tokenizer), never as query syntax.
  return sql<{
    reference: string;
  }>`select x.reference from ticket_texts_fts f join ticket_texts x on x.id = f.rowid where ticket_texts_fts match ${`"${word}"`}`;
}

/** For each word of a search: the references matching it when they are few, or a subquery when they are many. */
async function wordFilters(db: Db, text: string): Promise<(string[] | RawBuilder<string>)[]> {
  return Promise.all(
    searchWords(text)
      .slice(0, MAX_WORDS)
      .map(async (word) => {
        const { rows } = await sql<{ reference: string }>`${matchingWord(db, word)} limit ${LISTED_MATCHES + 1}`.execute(db);
        return rows.length > LISTED_MATCHES ? sql<string>`(${matchingWord(db, word)})` : [...new Set(rows.map((row) => row.reference))];
      }),
  );
}

/** The smallest string above every string starting with `prefix`, so a prefix is an index range (no LIKE). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * How many tickets have each status, and how many wait for our reply: SQLite reads the status and awaiting_us
 * indexes; PostgreSQL prefers a sequential scan (about 17 ms at 100,000 tickets, see bench:inbox).
 */
export async function statusCounts(db: Db): Promise<Record<TicketStatus | 'awaitingUs', number>> {
  const [rows, awaiting] = await Promise.all([
    db
      .selectFrom('tickets')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('awaiting_us', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  const counts = { new: 0, open: 0, waiting: 0, resolved: 0, spam: 0, awaitingUs: Number(awaiting.count) };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
