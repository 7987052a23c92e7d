// `npm run bench:inbox`: the staff inbox over HTTP against the built server, signed in, with 100,000 tickets:
// the first page, a page deep in the list (keyset cursor ~95,000 rows in) and a search by email. Sequential
// requests (latency, not throughput); median and p95 of BENCH_REQUESTS (200) each, after a warm-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openSqlite } from '../../src/server/db/connection.ts';
import type { EscalationStatus } from '../../src/server/db/schema.ts';
import { formatCursor } from '../../src/server/staff/inbox-query.ts';
import { seedEscalations } from '../../tests/support/seed-escalations.ts';
import { buildIfStale, startServer } from '../../tests/support/server-process.ts';
import { createStaff, getAs, signIn } from '../../tests/support/staff.ts';
import { formatDuration, median, renderTable, verdict } from './measure.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const TARGET_P95_MS = 50;
/** One requester who wrote often (and is named as an account email on more tickets): the search target. */
const FREQUENT = 'frequent.requester@example.com';
const EVERY_NTH_FREQUENT = 500;

// Most tickets end resolved; a tail of open work; a little spam.
function statusOf(i: number): EscalationStatus {
  const r = (i * 2654435761) % 100;
  if (i > TICKETS - 2_000) return (['new', 'open', 'waiting'] as const)[r % 3];
  return r < 90 ? 'resolved' : r < 97 ? 'spam' : 'waiting';
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

buildIfStale();
const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-inbox-'));
try {
  const started = performance.now();
  const db = openSqlite(dataDir);
  let deepCursor: string;
  try {
    await migrateToLatest(db);
    const tickets = await seedEscalations(db, {
      count: TICKETS,
      stepMs: 5 * 60_000,
      status: statusOf,
      contactEmail: (i) => (i % EVERY_NTH_FREQUENT === 0 ? FREQUENT : `requester${i % 40_000}@example.com`),
      accountEmails: (i) => (i % 3 === 0 ? [`account${i % 25_000}@example.com`] : i % EVERY_NTH_FREQUENT === 7 ? [FREQUENT] : []),
      closedAt: (i) => (statusOf(i) === 'resolved' || statusOf(i) === 'spam' ? new Date().toISOString() : null),
    });
    // 5% from the oldest end: about 95% of the list lies between it and the first page.
    deepCursor = formatCursor(tickets[Math.floor(TICKETS * 0.05)]);
  } finally {
    await db.destroy();
  }
  await createStaff(dataDir, { email: 'bench@example.com', name: 'Bench Mark', role: 'agent' });
  console.log(`Seeded ${TICKETS.toLocaleString('en')} tickets in ${formatDuration(performance.now() - started)}.`);

  const server = await startServer({ dataDir, logFile: join(dataDir, 'server.log') });
  try {
    const cookie = await signIn(server.url, 'bench@example.com');
    const queries = [
      { name: 'inbox, first page', path: '/staff/' },
      { name: 'inbox, deep page (keyset)', path: `/staff/?after=${encodeURIComponent(deepCursor)}` },
      { name: 'search by email', path: `/staff/?q=${encodeURIComponent(FREQUENT.toUpperCase())}` },
    ];
    const rows: string[][] = [];
    let allMet = true;
    for (const query of queries) {
      const timings: number[] = [];
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const before = performance.now();
        const response = await getAs(server.url, query.path, cookie);
        const html = await response.text();
        const ms = performance.now() - before;
        if (response.status !== 200 || !html.includes('/staff/escalations/HC-')) {
          throw new Error(`${query.name}: ${response.status}, ${html.includes('HC-') ? 'with' : 'without'} tickets`);
        }
        if (i >= WARM_UP) timings.push(ms);
      }
      const [mid, high] = [median(timings), p95(timings)];
      allMet &&= high < TARGET_P95_MS;
      rows.push([query.name, `${mid.toFixed(1)} ms`, `${high.toFixed(1)} ms`, `< ${TARGET_P95_MS} ms`, verdict(high < TARGET_P95_MS)]);
    }
    console.log(`\n${REQUESTS} signed-in requests each over HTTP (${server.url}), one at a time, after ${WARM_UP} to warm up:\n`);
    console.log(renderTable(['query', 'median', 'p95', 'target p95', 'result'], rows));
    if (!allMet) process.exitCode = 1;
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
