import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as connection from '../../src/server/db/connection.ts';
import * as slots from '../../src/server/process-wide.ts';

/** A second copy of a module, as the server bundle carries its own beside scripts/serve.ts's (src/server/process-wide.ts). */
const secondCopy = async <M>(path: string): Promise<M> =>
  (await import(/* @vite-ignore */ `${new URL(path, import.meta.url).href}?copy`)) as M;

describe('one per process, whichever copy of a module asks', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-process-wide-'));
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dataDir;
  });
  afterAll(async () => {
    await connection.closeDatabase();
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the database connection (one writer)', async () => {
    const copy = await secondCopy<typeof connection>('../../src/server/db/connection.ts');
    expect(copy.database, 'the test needs a second copy of the module').not.toBe(connection.database);
    const first = await connection.database();
    expect(await copy.database()).toBe(first);
    await copy.closeDatabase();
    expect(await connection.database()).not.toBe(first); // closed for both copies: the next call opens another
  });

  it('any value kept in a process-wide slot, such as the content catalog', async () => {
    const copy = await secondCopy<typeof slots>('../../src/server/process-wide.ts');
    const value = { articles: [] };
    slots.processWide('test-value').set(value);
    expect(copy.processWide('test-value').get()).toBe(value);
    copy.processWide('test-value').delete();
    expect(slots.processWide('test-value').get()).toBeUndefined();
  });
});
