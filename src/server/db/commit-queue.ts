import type { Kysely, Transaction } from 'kysely';
import { databaseFailure } from './database-errors.ts';
import type { Database } from './schema.ts';

/** Writes a batch in one transaction, returning one result per job, in order. */
type WriteBatch<Job, Result> = (trx: Transaction<Database>, jobs: Job[]) => Promise<Result[]>;

interface Pending<Job, Result> {
  job: Job;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes that arrive while a commit is on its way to the disk wait and then share the next
 * transaction, so one fsync covers many of them. Each promise settles only after its transaction committed.
 * When a shared transaction fails, its writes are retried one by one so one bad write cannot sink the others.
 */
export function createCommitQueue<Job, Result>(
  db: () => Promise<Kysely<Database>>,
  write: WriteBatch<Job, Result>,
  maxBatch = 256,
): (job: Job) => Promise<Result> {
  let queue: Pending<Job, Result>[] = [];
  let draining = false;

  async function commit(batch: Pending<Job, Result>[]): Promise<void> {
    const jobs = batch.map((pending) => pending.job);
    const results = await (await db()).transaction().execute((trx) => write(trx, jobs));
    batch.forEach((pending, i) => pending.resolve(results[i]));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        await commit(batch);
      } catch (error) {
        // One by one would only wait for the unreachable database once per write.
        if (batch.length === 1 || databaseFailure(error) === 'unavailable') for (const pending of batch) pending.reject(error);
        else for (const pending of batch) await commit([pending]).catch(pending.reject);
      }
    }
    draining = false;
  }

  return (job) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ job, resolve, reject });
      if (draining) return;
      draining = true;
      // Wait one turn of the event loop so requests already read off their sockets join this batch.
      setImmediate(() => void drain());
    });
}
