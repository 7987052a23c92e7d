import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { buildIsStale } from '../src/server/build-freshness.ts';
import { projectRoot, userEnv } from './project-copy.ts';
import { projectNode } from './project-node.ts';
import { newServerData, serverDatabaseUrl } from './server-database.ts';

const READY = /Help center ready at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
/** Settings of the shell running the tests must not leak into the server under test. */
const SHELL_SETTINGS_IGNORED = [
  'SITE_URL',
  'TRUST_PROXY',
  'ESCALATION_RATE_LIMIT',
  'FEEDBACK_RATE_LIMIT',
  'EVENT_RATE_LIMIT',
  'MCP_RATE_LIMIT',
  'EVENT_RETENTION_DAYS',
  'COUNTRY_HEADER',
  'DATABASE_URL',
];
const RATE_LIMITS_OFF = { ESCALATION_RATE_LIMIT: '0', FEEDBACK_RATE_LIMIT: '0', EVENT_RATE_LIMIT: '0', MCP_RATE_LIMIT: '0' };

/**
 * Builds the site when dist/ is missing, older than the sources or made for another SITE_URL, with the project's
 * Node 24. The shell's settings are left out, as the servers under test leave them out (`env` gives the build's).
 */
export function buildIfStale(root = projectRoot, env: Record<string, string> = {}): void {
  const stale = buildIsStale(root, 'content', env.SITE_URL);
  if (!stale) return;
  const shell = userEnv();
  for (const name of SHELL_SETTINGS_IGNORED) delete shell[name];
  const build = spawnSync(projectNode(root), ['scripts/build.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...shell, ...env },
  });
  if (build.status !== 0) throw new Error(`Build failed (${stale}):\n${build.stdout}\n${build.stderr}`);
}

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, then wait for the graceful exit. */
  stop(): Promise<void>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

export interface ServerOptions {
  /** Settings for this server; PORT, HOST and DATA_DIR are set here. The rate limits are off unless given. */
  env?: Record<string, string>;
  /** An existing data folder to serve (the caller removes it); a fresh temporary one otherwise (removed on stop),
   * with a fresh PostgreSQL database behind it in the PostgreSQL test projects (see server-database.ts). */
  dataDir?: string;
  /** For a fresh data folder: put its database on PostgreSQL; by default when the test project says so. */
  postgres?: boolean;
  /** Send the server's output to this file rather than through a pipe into this process (benchmarks: a load
   * generator must not spend its time reading the server's log lines). */
  logFile?: string;
  /** The project (a copy: harness/project-copy.ts) whose build to serve; this one by default. */
  root?: string;
  /** A command to start the server through (it gets node and its arguments after its own), e.g. to give the
   * server a mount namespace of its own. It must exec node in its place, so signals reach the server. */
  launcher?: string[];
}

/** Starts `node scripts/serve.ts` on a free loopback port, as `npm run serve` would, and waits until it is ready. */
export async function startServer({
  env = {},
  dataDir,
  postgres,
  logFile,
  root = projectRoot,
  launcher = [],
}: ServerOptions = {}): Promise<ServerProcess> {
  const own = dataDir === undefined ? await newServerData(postgres) : undefined;
  const dir = dataDir ?? own!.dataDir;
  const inherited = { ...process.env };
  for (const name of SHELL_SETTINGS_IGNORED) delete inherited[name];
  const databaseUrl = serverDatabaseUrl(dir);
  const database = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
  const log = logFile === undefined ? 'pipe' : openSync(logFile, 'a');
  const [command, ...args] = [...launcher, projectNode(root), 'scripts/serve.ts'];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...inherited, ...RATE_LIMITS_OFF, ...database, ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir },
    stdio: ['ignore', log, log],
  });
  let piped = '';
  if (typeof log === 'number') closeSync(log);
  else for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (piped += chunk.toString()));
  const output = () => (logFile === undefined ? piped : readFileSync(logFile, 'utf8'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // 'close' comes after the process exited and its output was read to the end.
  let closed = false;
  child.once('close', () => (closed = true));
  const cleanup = async () => own?.remove();

  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  const url = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const ready = READY.exec(output());
      if (ready) resolve(ready[1]);
      else if (closed) reject(new Error(`Server exited (code ${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`));
      else if (Date.now() - started > START_TIMEOUT_MS) reject(new Error(`Server not ready after ${START_TIMEOUT_MS} ms:\n${output()}`));
      else return;
      clearInterval(poll);
    }, 20);
  }).catch(async (error: unknown) => {
    await signal('SIGKILL');
    await cleanup();
    throw error;
  });

  return {
    url,
    dataDir: dir,
    child,
    output,
    stop: async () => {
      await signal('SIGTERM');
      await cleanup();
    },
    kill: () => signal('SIGKILL'),
  };
}
