// Vitest globalSetup for the projects that test a running server: builds the site when stale, then serves the
// build on a free port (on PostgreSQL in the PostgreSQL projects).
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../harness/chromium.ts';
import { testServersUsePostgres } from '../../harness/server-database.ts';
import { buildIfStale, startServer } from '../../harness/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium(); // once, before any test file: without a browser, stop with what to do rather than fail in each test
  buildIfStale();
  // The project's settings (TEST_SERVER_DATABASE) reach its test files' process.env, not this setup's.
  const server = await startServer({ postgres: testServersUsePostgres(project.config.env) });
  project.provide('baseUrl', server.url);
  project.provide('dataDir', server.dataDir);
  return () => server.stop();
}
