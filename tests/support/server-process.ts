import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIsStale } from '../../src/server/build-freshness.ts';
import { projectRoot } from './project-copy.ts';

const READY = /Help center ready at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

/** Builds the site when dist/ is missing or older than the sources, with this Node (the project's Node 24). */
export function buildIfStale(root = projectRoot): void {
  const stale = buildIsStale(root, 'content');
  if (!stale) return;
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: root, encoding: 'utf8' });
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
  /** Settings for this server; PORT, HOST and DATA_DIR are set here. The rate limit is off unless given. */
  env?: Record<string, string>;
  /** An existing data folder to serve (the caller removes it); a fresh temporary one otherwise (removed on stop). */
  dataDir?: string;
}

/** Starts `node scripts/serve.ts` on a free loopback port, as `npm run serve` would, and waits until it is ready. */
export async function startServer({ env = {}, dataDir }: ServerOptions = {}): Promise<ServerProcess> {
  const ownData = dataDir === undefined;
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'signpost-data-'));
  const inherited = { ...process.env };
  // Settings of the shell running the tests must not leak into the server under test.
  for (const name of ['SITE_URL', 'TRUST_PROXY', 'ESCALATION_RATE_LIMIT', 'DATABASE_URL']) delete inherited[name];
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: projectRoot,
    env: { ...inherited, ESCALATION_RATE_LIMIT: '0', ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cleanup = () => ownData && rmSync(dir, { recursive: true, force: true });

  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server not ready after ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const check = () => {
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited (code ${code}) before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await signal('SIGKILL');
    cleanup();
    throw error;
  });

  return {
    url,
    dataDir: dir,
    child,
    output: () => output,
    stop: async () => {
      await signal('SIGTERM');
      cleanup();
    },
    kill: () => signal('SIGKILL'),
  };
}
