// Serves an existing build: `npm run serve`. Several instances may serve one build on different ports.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalog } from '../src/lib/catalog.ts';
import { provideBuiltClient } from '../src/server/built-client.ts';
import { provideCatalog } from '../src/server/catalog.ts';
import { closeDatabase, database } from '../src/server/db/connection.ts';
import { startupProblem } from '../src/server/db/database-errors.ts';
import { readDeliveryManifest, siteUrlMismatch } from '../src/server/http/delivery-manifest.ts';
import { startHttpServer } from '../src/server/http/server.ts';
import { startInboundListener, type InboundListener } from '../src/server/email/inbound-server.ts';
import { MAIL_NOT_SET_UP, startMail } from '../src/server/email/mail-service.ts';
import { retentionJobs } from '../src/server/retention/jobs.ts';
import { startRetentionSchedule } from '../src/server/retention/schedule.ts';
import {
  checkSettings,
  databaseSettings,
  mailSettings,
  supportRequestSettings,
  eventSettings,
  inboundSettings,
  serverSettings,
  staffSettings,
} from '../src/server/settings.ts';
import { firstRunNotice } from '../src/server/staff/first-run.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
const manifest = readDeliveryManifest(fileURLToPath(new URL('..', import.meta.url)));
if (!existsSync(entry) || !manifest) {
  console.error('No complete build found in dist/. Run `npm run build` first (or `npm start`, which builds when needed).');
  process.exit(1);
}
// Astro's origin check for forms (security.allowedDomains) and the pages' canonical URLs come from SITE_URL at build.
const otherSite = siteUrlMismatch(manifest, process.env.SITE_URL);
if (otherSite) {
  const rebuild = process.env.SITE_URL ? `SITE_URL=${process.env.SITE_URL} npm run build` : 'npm run build';
  console.error(`Rebuild first: ${otherSite}. Run \`${rebuild}\` (or \`npm start\`, which rebuilds when needed).`);
  process.exit(1);
}

// Settings are checked (every wrong one named at once), and the database created and migrated, before the server
// answers anything. The bundled routes share this process's connection (see src/server/db/connection.ts).
try {
  checkSettings(process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const settings = serverSettings(process.env);
const { trustedProxyHops } = supportRequestSettings(process.env);
const eventRetentionDays = eventSettings(process.env).retentionDays;
const staff = staffSettings(process.env);
const storage = databaseSettings(process.env);
const mail = mailSettings(process.env);
const inbound = inboundSettings(process.env);
try {
  await database();
} catch (error) {
  console.error(startupProblem(error, storage));
  process.exit(1);
}

// What the on-demand routes know of the content, written by the build (see src/lib/catalog.ts).
const catalogFile = new URL('../dist/client/catalog.json', import.meta.url);
if (!existsSync(catalogFile)) {
  console.error('The build in dist/ has no catalog.json: it is older than this code. Run `npm run build` (or `npm start`).');
  process.exit(1);
}
provideCatalog(JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog);
// The static files the server reads: the search index (checked on the first search, so a missing one makes search
// answer 503, never stops the server) and the articles' Markdown (for the MCP server).
provideBuiltClient(fileURLToPath(new URL('../dist/client', import.meta.url)));

// The adapter's standalone handler serves static files and on-demand routes; we own the HTTP server around it.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry.pathname).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

const { host, port } = settings;
let running;
try {
  running = await startHttpServer(handler, { host, port, siteUrl: process.env.SITE_URL, trustedProxyHops, manifest });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} on ${host} is already in use. Set PORT to another port.` : String(error));
  process.exit(1);
}
// Before the ready line, so whoever waits for that line (a person, a test) has the notice too.
const notice = await firstRunNotice(await database(), {
  demo: staff.demo,
  dataDir: storage.kind === 'sqlite' ? process.env.DATA_DIR : undefined,
  postgres: storage.kind === 'postgres',
  url: running.url,
});
if (notice) console.log(notice);
if (!mail.smtpUrl) console.log(MAIL_NOT_SET_UP);
// Email in (INBOUND_SMTP_PORT): replies and bounces for REPLY_DOMAIN, from the operator's relay.
let listener: InboundListener | undefined;
if (inbound) {
  try {
    listener = await startInboundListener(inbound, database);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `INBOUND_SMTP_PORT ${inbound.port} on ${inbound.host} is already in use. Set INBOUND_SMTP_PORT to another port.`
        : String(error),
    );
    await running.stop(0);
    process.exit(1);
  }
  console.log(`Email in: listening on ${inbound.host}:${listener.port} for mail to *@${inbound.replyDomain}`);
}
console.log(`Help center ready at ${running.url}`);
// Delivers the outbox (when SMTP_URL is set), never inside the requests that queue emails.
const mailer = startMail(mail, database);
// At start and hourly, never keeping the process alive by itself: delete or anonymise what is kept only for a while.
const retention = startRetentionSchedule({
  db: database,
  jobs: retentionJobs({ eventRetentionDays, ticketRetentionDays: staff.ticketRetentionDays }),
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests…`);
    // A purge or a send in progress finishes (and no other starts) before the database closes.
    await Promise.all([running.stop(), retention.stop(), mailer.stop(), listener?.stop()]);
    await closeDatabase();
    process.exit(0);
  });
}
