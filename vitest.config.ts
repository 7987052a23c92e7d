import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const againstServer = {
  environment: 'node' as const,
  globalSetup: ['tests/support/serve-build.setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 240_000,
  fileParallelism: false,
  // One worker runs the project's files in turn, keeping its imports (Playwright, the harness): a fresh worker per
  // file cost about a second each. No test file changes process.env or mocks a module, so nothing leaks between them.
  isolate: false,
};

/** Files that test SQLite itself (its file on disk, its backup command), not behaviour both databases share. */
const SQLITE_ONLY = ['tests/integration/crash-durability.test.ts', 'tests/integration/health-and-backup.test.ts'];
/** Files whose server never reads or writes its database (built pages, search, Markdown): once is enough. */
const NO_DATABASE = ['languages', 'machine-readable', 'quick-answer', 'search-quality', 'search-troubleshooters', 'search-unavailable'].map(
  (name) => `tests/integration/${name}.test.ts`,
);

// With TEST_DATABASE_URL (a PostgreSQL server where its user may create databases; .ci/run starts one), the
// integration suite runs a second time with every test server on PostgreSQL (but for NO_DATABASE), and the
// multi-instance tests run.
const postgres: TestProjectInlineConfiguration[] = process.env.TEST_DATABASE_URL?.trim()
  ? [
      {
        test: {
          ...againstServer,
          name: 'integration-postgres',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [...SQLITE_ONLY, ...NO_DATABASE],
          env: { TEST_SERVER_DATABASE: 'postgres' },
        },
      },
      {
        test: {
          ...againstServer,
          name: 'postgres',
          include: ['tests/postgres/**/*.test.ts'],
          env: { TEST_SERVER_DATABASE: 'postgres' },
        },
      },
    ]
  : [];
if (postgres.length === 0) console.log('TEST_DATABASE_URL is not set: the PostgreSQL tests are not run (.ci/run runs them).');

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      // Astro itself (sync, build, dev) on a throwaway copy of the project: a minute or two a test, one file at a time.
      { test: { name: 'build', environment: 'node', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, fileParallelism: false } },
      { test: { ...againstServer, name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { test: { ...againstServer, name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
      ...postgres,
    ],
  },
});
