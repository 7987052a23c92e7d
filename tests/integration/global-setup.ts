// Vitest globalSetup for the integration project: builds when stale, then serves the build on a free loopback
// port with a fresh data folder and the rate limit off. Tests that need other settings start their own server.
import type { TestProject } from 'vitest/node';
import { buildIfStale, startServer } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildIfStale();
  const server = await startServer({ env: { ESCALATION_RATE_LIMIT: '0' } });
  project.provide('baseUrl', server.url);
  project.provide('dataDir', server.dataDir);
  return () => server.stop();
}
