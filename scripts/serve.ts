// Serves an existing build: `npm run serve`. Several instances may serve one build on different ports.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startHttpServer } from '../src/server/http-server.ts';
import { serverSettings } from '../src/server/settings.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('No build found in dist/. Run `npm run build` first (or `npm start`, which builds when needed).');
  process.exit(1);
}

// The adapter's standalone handler serves static files and on-demand routes; we own the HTTP server around it.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry.pathname).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

const { host, port } = serverSettings(process.env);
let running;
try {
  running = await startHttpServer(handler, { host, port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} on ${host} is already in use. Set PORT to another port.` : String(error));
  process.exit(1);
}
console.log(`Help center ready at ${running.url}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests…`);
    await running.stop();
    process.exit(0);
  });
}
