// Vitest globalSetup for the e2e project: builds the site when stale, then serves the build on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildIsStale } from '../../src/server/build-freshness.ts';
import { projectNode } from '../support/project-node.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const READY = /Help center ready at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const node = projectNode(root);
  buildWhenStale(node);

  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-e2e-'));
  const server = spawn(node, ['scripts/serve.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let baseUrl: string;
  try {
    baseUrl = await waitForReady(server);
  } catch (error) {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

function buildWhenStale(node: string): void {
  const stale = buildIsStale(root, 'content');
  if (!stale) return;
  console.log(`e2e: building the site (${stale})…`);
  const build = spawnSync(node, [join(root, 'node_modules/.bin/astro'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`e2e: \`astro build\` failed (exit ${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
  }
}

/** Resolves with the server's URL once it prints its ready line; rejects with everything it printed otherwise. */
function waitForReady(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`e2e: the help center server ${why}. Its output:\n${output || '(nothing)'}`));
    };
    const timer = setTimeout(() => fail(`did not come up within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        server.off('exit', onExit);
        resolve(ready[1]);
      }
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (${signal ?? `code ${code}`})`);
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', onExit);
    server.once('error', (error) => fail(`could not start: ${error.message}`));
  });
}

/** SIGTERM, then wait for the process to exit (SIGKILL if it hangs). */
function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}
