// `npm run bench:inbox`: the staff inbox over HTTP against the built server, signed in, with 100,000 tickets:
// the first page, a page deep in the list (keyset cursor ~95,000 rows in), a search by email and full-text searches
// (a word in about 1 % of descriptions, and a word in all of them, among descriptions of a few dozen words each). On SQLite, and
// with DATABASE_URL on PostgreSQL too (in a scratch database created on that server and dropped at the end), the
// two side by side. Sequential requests (latency, not throughput); median and p95 of BENCH_REQUESTS (200) each,
// after a warm-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openPostgres, openSqlite } from '../../src/server/db/connection.ts';
import type { TicketStatus } from '../../src/server/db/schema.ts';
import { databaseSettings } from '../../src/server/settings.ts';
import { addStaff } from '../../src/server/staff/accounts.ts';
import { formatCursor } from '../../src/server/staff/inbox-query.ts';
import { createScratchDatabase } from '../../harness/postgres.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { buildIfStale, startServer } from '../../harness/server-process.ts';
import { getAs, signIn, STAFF_PASSWORD } from '../../harness/staff.ts';
import { formatDuration, median, renderTable, verdict } from './measure/report.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const TARGET_P95_MS = 50;
const STAFF = { email: 'bench@example.com', name: 'Bench Mark', role: 'agent' } as const;
/** One requester who wrote often (and is named as an account email on more tickets): the search target. */
const FREQUENT = 'frequent.requester@example.com';
const EVERY_NTH_FREQUENT = 500;
/** The full-text search's word: in every hundredth description. */
const SEARCHED = 'phone';
const WORDS = 'sign password reset email code login account payment invoice profile verify browser error page button'.split(' ');

/** A description of a few dozen words, varied by ticket; every hundredth mentions the searched word. */
function description(i: number): string {
  const words = Array.from({ length: 24 }, (_, k) => WORDS[(i * 7 + k * 13) % WORDS.length]);
  return `Ticket ${i}: ${words.join(' ')}${i % 100 === 0 ? ` since I changed my ${SEARCHED}` : ''}.`;
}

// Most tickets end resolved; a tail of open work; a little spam.
function statusOf(i: number): TicketStatus {
  const r = (i * 2654435761) % 100;
  if (i > TICKETS - 2_000) return (['new', 'open', 'waiting'] as const)[r % 3];
  return r < 90 ? 'resolved' : r < 97 ? 'spam' : 'waiting';
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

interface Inbox {
  database: string;
  url: string;
  cookie: string;
  deepCursor: string;
}

/** Seeds the tickets and a staff account into SQLite in a fresh data folder, or into the PostgreSQL database at
 * `databaseUrl`; then serves them and signs in. */
async function prepare(databaseUrl?: string): Promise<Inbox> {
  const database = databaseUrl ? 'PostgreSQL' : 'SQLite';
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-inbox-'));
  cleanup.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  const started = performance.now();
  const db = databaseUrl ? openPostgres(databaseUrl, 1) : openSqlite(dataDir);
  let deepCursor: string;
  try {
    await migrateToLatest(db);
    const tickets = await seedTickets(db, {
      count: TICKETS,
      stepMs: 5 * 60_000,
      status: statusOf,
      contactEmail: (i) => (i % EVERY_NTH_FREQUENT === 0 ? FREQUENT : `requester${i % 40_000}@example.com`),
      accountEmails: (i) => (i % 3 === 0 ? [`account${i % 25_000}@example.com`] : i % EVERY_NTH_FREQUENT === 7 ? [FREQUENT] : []),
      closedAt: (i) => (statusOf(i) === 'resolved' || statusOf(i) === 'spam' ? new Date().toISOString() : null),
      description,
    });
    // 5% from the oldest end: about 95% of the list lies between it and the first page.
    const deep = tickets[Math.floor(TICKETS * 0.05)];
    deepCursor = formatCursor({ at: deep.createdAt, reference: deep.reference });
    const staff = await addStaff(db, { ...STAFF, password: STAFF_PASSWORD }, null);
    if (!staff.ok) throw new Error(`Staff account: ${staff.message}`);
    // Autovacuum vacuums and analyzes a table soon after a bulk load (statistics for the planner, the visibility
    // map for index-only scans); doing it now keeps the figures from depending on whether it got there first.
    // SQLite has no such daemon, and the server does not analyze it.
    if (databaseUrl) await sql`VACUUM ANALYZE`.execute(db);
  } finally {
    await db.destroy();
  }
  console.log(`Seeded ${TICKETS.toLocaleString('en')} tickets into ${database} in ${formatDuration(performance.now() - started)}.`);

  const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  const server = await startServer({ env, dataDir, logFile: join(dataDir, 'server.log') });
  cleanup.defer(() => server.stop());
  return { database, url: server.url, cookie: await signIn(server.url, STAFF.email), deepCursor };
}

/** Median and p95 of REQUESTS sequential requests for `path`, after WARM_UP. */
async function time(inbox: Inbox, name: string, path: string): Promise<{ median: number; p95: number }> {
  const timings: number[] = [];
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const before = performance.now();
    const response = await getAs(inbox.url, path, inbox.cookie);
    const html = await response.text();
    const ms = performance.now() - before;
    if (response.status !== 200 || !html.includes('/staff/tickets/HC-')) {
      throw new Error(`${name} on ${inbox.database}: ${response.status}, ${html.includes('HC-') ? 'with' : 'without'} tickets`);
    }
    if (i >= WARM_UP) timings.push(ms);
  }
  return { median: median(timings), p95: p95(timings) };
}

buildIfStale();
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
// Checked before seeding, with the server's own message for a malformed URL.
if (databaseUrl) databaseSettings({ ...process.env, DATABASE_URL: databaseUrl });
await using cleanup = new AsyncDisposableStack();

const inboxes = [await prepare()];
if (databaseUrl) {
  const scratch = await createScratchDatabase(databaseUrl, 'bench_inbox');
  cleanup.defer(() => scratch.drop());
  inboxes.push(await prepare(scratch.url));
}

const queries = [
  { name: 'inbox, first page', path: () => '/staff/' },
  { name: 'inbox, deep page (keyset)', path: (inbox: Inbox) => `/staff/?after=${encodeURIComponent(inbox.deepCursor)}` },
  { name: 'search by email', path: () => `/staff/?q=${encodeURIComponent(FREQUENT.toUpperCase())}` },
  { name: 'full-text search', path: () => `/staff/?q=${SEARCHED}s` },
  // No target: a word every ticket has finds nothing worth finding; measured so its cost is known.
  { name: 'full-text, a word in every ticket', path: () => `/staff/?q=${WORDS[1]}s`, measuredOnly: true },
];
const rows: string[][] = [];
let allMet = true;
for (const query of queries) {
  // Each query on every database in turn, so the figures side by side come from the same stretch of a noisy machine.
  for (const inbox of inboxes) {
    const timing = await time(inbox, query.name, query.path(inbox));
    const targeted = !('measuredOnly' in query);
    if (targeted) allMet &&= timing.p95 < TARGET_P95_MS;
    rows.push([
      query.name,
      inbox.database,
      `${timing.median.toFixed(1)} ms`,
      `${timing.p95.toFixed(1)} ms`,
      targeted ? `< ${TARGET_P95_MS} ms` : 'none',
      targeted ? verdict(timing.p95 < TARGET_P95_MS) : '',
    ]);
  }
}
const servers = inboxes.map((inbox) => `${inbox.database} ${inbox.url}`).join(', ');
console.log(`\n${REQUESTS} signed-in requests each over HTTP (${servers}), one at a time, after ${WARM_UP} to warm up:\n`);
console.log(renderTable(['query', 'database', 'median', 'p95', 'target p95', 'result'], rows));
if (!databaseUrl)
  console.log(
    '\nPostgreSQL figures need DATABASE_URL: a PostgreSQL server where its role may create databases (the bench uses a scratch one).',
  );
if (!allMet) process.exitCode = 1;
