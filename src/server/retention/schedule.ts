import type { Db } from '../db/connection.ts';

const HOUR_MS = 60 * 60 * 1000;

/** One kind of data kept only for a while. */
export interface RetentionJob {
  /** What it purges, as log lines name it ("reader events"). */
  name: string;
  /**
   * One purge, idempotent (several instances may run it at once). Resolves to what it did for the log, or nothing
   * when there was nothing to do. A long job checks `stopping` between steps, so a server that is stopping
   * need not wait for all of it.
   */
  run(db: Db, now: Date, stopping: AbortSignal): Promise<string | undefined>;
}

export interface RetentionSchedule {
  /** Runs no further job and resolves once the job in progress, if any, has finished: then the database may close. */
  stop(): Promise<void>;
}

/**
 * Runs every job at start and then every `everyMs` (an hour), one pass at a time, on timers that never keep a
 * stopping process alive. A job that fails is logged with its name and the others still run; what the pass
 * purged is logged as one line.
 */
export function startRetentionSchedule({
  db,
  jobs,
  everyMs = HOUR_MS,
  now = () => new Date(),
  log = console,
}: {
  db: () => Promise<Db>;
  jobs: RetentionJob[];
  everyMs?: number;
  now?: () => Date;
  log?: Pick<Console, 'log' | 'error'>;
}): RetentionSchedule {
  const stopping = new AbortController();
  let pass: Promise<void> | undefined;

  const runPass = async () => {
    let database: Db;
    try {
      database = await db();
    } catch (error) {
      log.error(`retention: skipped, the database is unavailable: ${messageOf(error)}`);
      return;
    }
    const done: string[] = [];
    for (const job of jobs) {
      if (stopping.signal.aborted) break;
      try {
        const result = await job.run(database, now(), stopping.signal);
        if (result) done.push(result);
      } catch (error) {
        log.error(`retention: could not purge ${job.name}: ${messageOf(error)}`);
      }
    }
    // One line a pass, and none when there was nothing to purge.
    if (done.length > 0) log.log(`retention: ${done.join('; ')}`);
  };
  // A pass still running when the next is due (a large first purge) is not doubled up.
  const tick = () => {
    pass ??= runPass().finally(() => (pass = undefined));
  };

  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      stopping.abort();
      await pass;
    },
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
