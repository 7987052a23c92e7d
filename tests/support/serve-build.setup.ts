// Vitest globalSetup for the e2e project: builds the site when stale, then serves the build on a free port.
import type { TestProject } from 'vitest/node';
import { findChromium } from '../support/chromium.ts';
import { buildIfStale, startServer } from '../support/server-process.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  findChromium(); // once, before any test file: installs it where the project may (root on Debian)
  buildIfStale();
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('dataDir', server.dataDir);
  return () => server.stop();
}
