import type { Db } from './connection.ts';
import type { TicketStatus } from './schema.ts';

export interface InboxFilter {
  /** One status, or undefined for every status but spam. */
  status?: TicketStatus;
  /** Tickets naming this address (normalised), as contact or account email. */
  email?: string;
  /** References starting with this (upper case, e.g. "HC-7K"). */
  referencePrefix?: string;
}

/** A position in the newest-first order: the (created_at, reference) of a row. */
export interface InboxCursor {
  createdAt: string;
  reference: string;
}

export interface InboxRow {
  reference: string;
  createdAt: string;
  status: TicketStatus;
  name: string;
  contactEmail: string;
  topic: string;
  assignee: string | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursors for the neighbouring pages, when there are rows there. */
  newer?: InboxCursor;
  older?: InboxCursor;
}

/**
 * One page of the inbox, newest first, by keyset: rows after (older than) or before (newer than) a cursor.
 * Each variant reads one index range in order (status+created_at+reference, created_at+reference, or the
 * email index), so a page deep in 100,000 tickets costs what the first page costs.
 */
export async function inboxPage(
  db: Db,
  filter: InboxFilter,
  position: { after?: InboxCursor; before?: InboxCursor },
  size: number,
): Promise<InboxPage> {
  const backwards = position.before !== undefined;
  const cursor = position.before ?? position.after;
  const direction = backwards ? 'asc' : 'desc';
  // Ordering and the keyset follow the email index's copy of (created_at, reference) when searching by email.
  // (A dynamic reference, because the email table is joined only for that search.)
  const table = filter.email ? 'm' : 't';
  const order = [db.dynamic.ref<string>(`${table}.created_at`), db.dynamic.ref<string>(`${table}.reference`)] as const;

  let query = db
    .selectFrom('tickets as t')
    .leftJoin('staff', 'staff.id', 't.assigned_to')
    .select(['t.reference', 't.created_at', 't.status', 't.name', 't.contact_email', 't.topic', 'staff.name as assignee']);
  if (filter.email) {
    const email = filter.email;
    query = query.innerJoin('ticket_emails as m', (join) =>
      join.onRef('m.reference', '=', 't.reference').on('m.email_normalized', '=', email),
    );
  }
  query = filter.status ? query.where('t.status', '=', filter.status) : query.where('t.status', '!=', 'spam');
  // Every reference has its hyphens in the same places, so a trailing one narrows nothing; dropped, because
  // PostgreSQL databases with a language collation ignore hyphens when comparing, and the range would be empty.
  const prefix = filter.referencePrefix?.replace(/-+$/, '');
  if (prefix) query = query.where('t.reference', '>=', prefix).where('t.reference', '<', prefixEnd(prefix));
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple(order[0], order[1]), backwards ? '>' : '<', eb.tuple(cursor.createdAt, cursor.reference)));
  }
  const found = await query
    .orderBy(order[0], direction)
    .orderBy(order[1], direction)
    .limit(size + 1)
    .execute();

  const more = found.length > size;
  const page = found.slice(0, size);
  if (backwards) page.reverse();
  const rows = page.map((r) => ({
    reference: r.reference,
    createdAt: r.created_at,
    status: r.status,
    name: r.name,
    contactEmail: r.contact_email,
    topic: r.topic,
    assignee: r.assignee,
  }));
  const at = (row: InboxRow | undefined) => row && { createdAt: row.createdAt, reference: row.reference };
  // Coming from a cursor means there are rows on its side; `more` says whether there are rows beyond this page.
  const hasNewer = backwards ? more : cursor !== undefined;
  const hasOlder = backwards ? cursor !== undefined : more;
  return { rows, newer: hasNewer ? at(rows[0]) : undefined, older: hasOlder ? at(rows[rows.length - 1]) : undefined };
}

/** The smallest string above every string starting with `prefix`, so a prefix is an index range (no LIKE). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * How many tickets have each status: SQLite reads the status index; PostgreSQL prefers a sequential scan
 * (about 17 ms at 100,000 tickets, see bench:inbox).
 */
export async function statusCounts(db: Db): Promise<Record<TicketStatus, number>> {
  const rows = await db
    .selectFrom('tickets')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  const counts: Record<TicketStatus, number> = { new: 0, open: 0, waiting: 0, resolved: 0, spam: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}
