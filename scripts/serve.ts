// Serves an existing build: `npm run serve`. Several instances may serve one build on different ports.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { closeDatabase, database } from '../src/server/db/connection.ts';
import { scheduleRetention } from '../src/server/events/retention.ts';
import { startHttpServer } from '../src/server/http-server.ts';
import { announcementSettings, escalationSettings, eventSettings, feedbackSettings, serverSettings } from '../src/server/settings.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('No build found in dist/. Run `npm run build` first (or `npm start`, which builds when needed).');
  process.exit(1);
}

// Settings are checked, and the database created and migrated, before the server answers anything. The bundled
// routes share this process's connection (see src/server/db/connection.ts).
let settings;
let retentionDays;
try {
  settings = serverSettings(process.env);
  escalationSettings(process.env);
  feedbackSettings(process.env);
  announcementSettings(process.env);
  retentionDays = eventSettings(process.env).retentionDays;
  await database();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

// The adapter's standalone handler serves static files and on-demand routes; we own the HTTP server around it.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry.pathname).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

const { host, port } = settings;
let running;
try {
  running = await startHttpServer(handler, { host, port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} on ${host} is already in use. Set PORT to another port.` : String(error));
  process.exit(1);
}
console.log(`Help center ready at ${running.url}`);
// Reader events older than EVENT_RETENTION_DAYS are deleted now and every hour.
const retention = scheduleRetention({ db: database, retentionDays });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests…`);
    retention.stop();
    await running.stop();
    await closeDatabase();
    process.exit(0);
  });
}
