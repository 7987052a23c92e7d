/**
 * One job of a build step done in a child process that exits when it has answered: whatever the job grows (a heap,
 * a native allocator's arenas) goes back to the system instead of staying in the build's process beside the steps
 * after it. The parent calls `runJobApart`; the child's entry calls `answerOneJob`.
 */
import { fork, type Serializable } from 'node:child_process';

/** The child's answer: the job's result, or why it failed. */
type JobAnswer<T> = { done: T } | { error: string };

/**
 * Forks `entry` (a module that calls `answerOneJob`), sends it `job` (plain data: it passes through the IPC channel as
 * JSON) and resolves with its result once the process has exited. `what` names the step in errors; `env` adds to
 * this process's environment (variables a process reads only when it starts, as glibc's MALLOC_ARENA_MAX).
 */
export function runJobApart<T>(entry: string, job: Serializable, what: string, env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...env } });
    let answer: JobAnswer<T> | undefined;
    child.once('message', (message: JobAnswer<T>) => (answer = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (answer && 'error' in answer) reject(new Error(answer.error));
      else if (answer && code === 0) resolve(answer.done);
      else reject(new Error(`${what}'s process stopped (${signal ?? `exit code ${code}`}) before it finished`));
    });
    child.send(job);
  });
}

/** In the child: does the one job the parent sends with `run`, answers, and lets the process end. */
export function answerOneJob<J>(run: (job: J) => Promise<unknown>): void {
  process.once('message', (job: J) => {
    run(job).then(
      (done) => answer({ done }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function answer(message: JobAnswer<unknown>): void {
  process.send!(message, () => process.disconnect());
}
