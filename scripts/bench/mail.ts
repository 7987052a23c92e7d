// `npm run bench:mail`: the outbox's delivery rate to a loopback SMTP server (smtp-server) on one instance, and
// support requests (POST /api/escalations) per second with SMTP on versus off, in the same run. Loopback only and
// bounded: BENCH_EMAILS (1,000) emails; BENCH_RUNS (3) alternating rounds of BENCH_SECONDS (5 s) per setting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateToLatest, openSqlite } from '../../src/server/db/connection.ts';
import { queueEmails } from '../../src/server/db/outbox.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { buildIfStale, startServer, type ServerProcess } from '../../harness/server-process.ts';
import { startSmtpCapture } from '../../harness/smtp-capture.ts';
import { formatInt, median, renderTable, verdict } from './measure/report.ts';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const TARGETS = { emailsPerSecond: 50, escalationsSlowdown: 0.1 };

const supportRequest = JSON.stringify({
  name: 'Bench Mark',
  email: 'bench@example.com',
  topic: 'sign-in',
  description: 'I cannot sign in: the reset email never arrives, and I tried twice.',
  consent: true,
});

await using cleanup = new AsyncDisposableStack();
buildIfStale();
const smtp = await startSmtpCapture({ parse: false });
cleanup.defer(() => smtp.stop());

async function serve(withSmtp: boolean): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-bench-mail-'));
  cleanup.defer(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ dataDir, env: withSmtp ? { SMTP_URL: smtp.url } : {}, logFile: join(dataDir, 'server.log') });
  cleanup.defer(() => server.stop());
  return server;
}

/** Queues EMAILS emails straight into the outbox of a running server, then times how long until the SMTP server has them all. */
async function deliveryRate(server: ServerProcess): Promise<number> {
  const db = openSqlite(server.dataDir);
  try {
    await migrateToLatest(db);
    const [ticket] = await seedTickets(db, { count: 1, series: 'M' });
    const before = smtp.received.length;
    const started = performance.now();
    await queueEmails(
      db,
      ticket.reference,
      Array.from({ length: EMAILS }, (_, i) => ({
        kind: 'reply' as const,
        recipient: `requester${i}@example.com`,
        recipientName: `Requester ${i}`,
        subject: `Your request ${ticket.reference}`,
        textBody: `A reply of a few lines, as staff write them.\n\nLine two of reply ${i}.`,
        htmlBody: `<p>A reply of a few lines, as staff write them.</p><p>Line two of reply ${i}.</p>`,
        messageId: `<bench-${i}-${crypto.randomUUID()}@help.example.com>`,
      })),
      new Date(),
    );
    await smtp.waitFor(before + EMAILS, 120_000);
    return EMAILS / ((performance.now() - started) / 1000);
  } finally {
    await db.destroy();
  }
}

async function escalationsPerSecond(server: ServerProcess): Promise<number> {
  const result = await autocannon({
    url: new URL('/api/escalations', server.url).href,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'bench-[<id>]' },
    body: supportRequest,
    idReplacement: true,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${failed} failed requests (${JSON.stringify(result.statusCodeStats)})`);
  return result['2xx'] / result.duration;
}

const off = await serve(false);
const on = await serve(true);
const rate = await deliveryRate(on);
const perSecond = { off: [] as number[], on: [] as number[] };
// Alternating, so both settings see the same stretches of a noisy machine.
for (let run = 0; run < RUNS; run++) {
  perSecond.off.push(await escalationsPerSecond(off));
  perSecond.on.push(await escalationsPerSecond(on));
}
const [medianOff, medianOn] = [median(perSecond.off), median(perSecond.on)];
const slowdown = (medianOff - medianOn) / medianOff;
const sent = smtp.received.length;

console.log(`\nOne instance on SQLite, SMTP server on loopback (${sent.toLocaleString('en')} emails received in all):\n`);
console.log(
  renderTable(
    ['measure', 'result', 'target', 'verdict'],
    [
      [
        'outbox delivery',
        `${rate.toFixed(0)} emails/s (${EMAILS.toLocaleString('en')} queued at once)`,
        `≥ ${TARGETS.emailsPerSecond}/s`,
        verdict(rate >= TARGETS.emailsPerSecond),
      ],
      ['support requests, SMTP off', `${formatInt(medianOff)}/s (runs: ${perSecond.off.map(formatInt).join(', ')})`, '', ''],
      ['support requests, SMTP on', `${formatInt(medianOn)}/s (runs: ${perSecond.on.map(formatInt).join(', ')})`, '', ''],
      [
        'slower with SMTP on',
        `${(slowdown * 100).toFixed(1)} %`,
        `≤ ${TARGETS.escalationsSlowdown * 100} %`,
        verdict(slowdown <= TARGETS.escalationsSlowdown),
      ],
    ],
  ),
);
if (rate < TARGETS.emailsPerSecond || slowdown > TARGETS.escalationsSlowdown) process.exitCode = 1;
