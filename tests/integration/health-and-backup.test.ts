import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DATABASE_FILE } from '../../src/server/db/connection.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { postJson, storedRows, validSupportRequest } from '../support/support-requests.ts';
import { startServer } from '../../harness/server-process.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const run = promisify(execFile);

describe('GET /api/health', () => {
  it('answers 200 with the database up', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });
});

describe('npm run db:backup', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'signpost-backup-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('copies the live database while support requests keep arriving, and the copy restores', async () => {
    const before = await Promise.all(Array.from({ length: 20 }, () => postJson(baseUrl, validSupportRequest()).then((r) => r.json())));
    const writing = Promise.all(Array.from({ length: 100 }, () => postJson(baseUrl, validSupportRequest()).then((r) => r.status)));
    const backup = join(scratch, 'backup.sqlite');
    const { stdout } = await run(process.execPath, ['scripts/db-backup.ts', backup], {
      cwd: projectRoot,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(stdout).toContain('Backed up');
    expect(new Set(await writing)).toEqual(new Set([201]));

    // Restore as the README says: the backup becomes the database file of a (stopped) server's DATA_DIR.
    const restored = join(scratch, 'restored');
    mkdirSync(restored);
    copyFileSync(backup, join(restored, DATABASE_FILE));
    const server = await startServer({ dataDir: restored });
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      const refs = new Set((await storedRows(restored)).tickets.map((e) => e.reference));
      for (const { reference } of before as { reference: string }[]) expect(refs.has(reference)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('refuses to overwrite an existing file', async () => {
    const file = join(scratch, 'exists.sqlite');
    copyFileSync(join(dataDir, DATABASE_FILE), file);
    await expect(
      run(process.execPath, ['scripts/db-backup.ts', file], { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir } }),
    ).rejects.toThrow(/already exists/);
  });
});
