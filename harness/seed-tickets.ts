// Writes tickets straight into a database, as the support request endpoint would store them: for tests that
// need many tickets or exact times, and for the inbox benchmark.
import type { Db } from '../src/server/db/connection.ts';
import type { TicketStatus } from '../src/server/db/schema.ts';
import { normaliseEmail } from '../src/server/email-address.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A valid, distinct reference for each number: HC-0000-0000, HC-0000-0001, … (with `series` as its first character). */
export function referenceFor(n: number, series = 'S'): string {
  let chars = '';
  for (let rest = n, i = 0; i < 7; i++, rest = Math.floor(rest / 32)) chars = ALPHABET[rest % 32] + chars;
  chars = series + chars;
  return `HC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export interface SeedOptions {
  count: number;
  /** The first ticket's time; each next one is `stepMs` later. */
  start?: Date;
  stepMs?: number;
  /** First character of the references, so several seeds in one database do not collide. */
  series?: string;
  status?: (i: number) => TicketStatus;
  contactEmail?: (i: number) => string;
  accountEmails?: (i: number) => string[];
  closedAt?: (i: number) => string | null;
  description?: (i: number) => string;
}

export interface SeededTicket {
  reference: string;
  createdAt: string;
}

/** Inserts `count` tickets (and their address and full-text index rows) in batches; returns them oldest first. */
export async function seedTickets(db: Db, options: SeedOptions): Promise<SeededTicket[]> {
  const { count, start = new Date('2025-01-01T00:00:00.000Z'), stepMs = 60_000, series = 'S' } = options;
  const status = options.status ?? (() => 'new');
  const contact = options.contactEmail ?? ((i) => `requester${i}@example.com`);
  const accounts = options.accountEmails ?? (() => []);
  const seeded: SeededTicket[] = [];
  const BATCH = 400;
  for (let from = 0; from < count; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => {
      const i = from + k;
      const createdAt = new Date(start.getTime() + i * stepMs).toISOString();
      return {
        reference: referenceFor(i, series),
        created_at: createdAt,
        status: status(i),
        spam_reason: null,
        name: `Requester ${i}`,
        contact_email: contact(i),
        account_emails: JSON.stringify(accounts(i)),
        topic: 'sign-in',
        description: options.description?.(i) ?? `Seeded ticket number ${i}: I cannot sign in.`,
        transcript: null,
        browser: 'firefox',
        os: 'linux',
        consented_at: createdAt,
        closed_at: options.closedAt?.(i) ?? null,
        last_activity_at: createdAt,
        awaiting_us: status(i) === 'new' || status(i) === 'open' ? 1 : 0,
      };
    });
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('tickets').values(rows).execute();
      const emails = rows.flatMap((row) =>
        [...new Set([row.contact_email, ...(JSON.parse(row.account_emails) as string[])].map(normaliseEmail))].map((email) => ({
          email_normalized: email,
          reference: row.reference,
          created_at: row.created_at,
        })),
      );
      await trx.insertInto('ticket_emails').values(emails).execute();
      await trx
        .insertInto('ticket_texts')
        .values(rows.map((row) => ({ reference: row.reference, body: row.description })))
        .execute();
    });
    seeded.push(...rows.map((row) => ({ reference: row.reference, createdAt: row.created_at })));
  }
  return seeded;
}
