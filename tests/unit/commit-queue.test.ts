import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommitQueue } from '../../src/server/db/commit-queue.ts';
import { openSqlite } from '../../src/server/db/connection.ts';

describe('createCommitQueue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-queue-'));
  const db = openSqlite(dir);
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts writes made in the same turn into one transaction and answers each in order', async () => {
    const batches: number[][] = [];
    const enqueue = createCommitQueue(
      async () => db,
      async (_trx, jobs: number[]) => {
        batches.push(jobs);
        return jobs.map((n) => n * 10);
      },
    );
    expect(await Promise.all([1, 2, 3].map(enqueue))).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await enqueue(4)).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('caps the batch size', async () => {
    const sizes: number[] = [];
    const enqueue = createCommitQueue(
      async () => db,
      async (_trx, jobs: number[]) => {
        sizes.push(jobs.length);
        return jobs;
      },
      4,
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => enqueue(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('retries a failed batch one write at a time, so only the bad write fails', async () => {
    const enqueue = createCommitQueue(
      async () => db,
      async (_trx, jobs: number[]) => {
        if (jobs.includes(2)) throw new Error('bad write');
        return jobs;
      },
    );
    const results = await Promise.allSettled([1, 2, 3].map(enqueue));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('rejects every write when the database cannot be reached', async () => {
    const enqueue = createCommitQueue(
      async () => {
        throw new Error('no database');
      },
      async (_trx, jobs: number[]) => jobs,
    );
    await expect(enqueue(1)).rejects.toThrow('no database');
  });

  it('fails a whole batch at once when the database is unreachable, rather than trying each write again', async () => {
    let attempts = 0;
    const enqueue = createCommitQueue(
      async () => db,
      async () => {
        attempts++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      },
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map(enqueue));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // Each retry would wait for its own connection attempt (seconds each when packets are dropped).
    expect(attempts).toBe(1);
  });
});
