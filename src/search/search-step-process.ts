/**
 * A child process of the build's search step (build-index.ts forks it for each job; it answers and exits): it sorts
 * the built pages into languages (built-pages.ts), or writes the word lists beside a language's bundle
 * (word-lists.ts). Both grow a heap (every page's head; a dictionary and every page's words) that would otherwise stay
 * in the build's process beside Pagefind's or the steps after it; a process of its own gives it back on exit.
 */
import type { SynonymGroups } from './synonyms.ts';

/** A job for this process. */
export type StepJob =
  | { sort: { clientDir: string; languages?: string[] } }
  | { words: { bundleDir: string; language: string; hasPages: boolean; synonyms: SynonymGroups } };

/** This process's answer to its job, or why it failed. */
export type StepAnswer<T> = { done: T } | { error: string };

async function run(job: StepJob): Promise<unknown> {
  if ('sort' in job) {
    const { pagesByLanguage } = await import('./built-pages.ts');
    return pagesByLanguage(job.sort.clientDir, job.sort.languages);
  }
  const { writeWordLists } = await import('./word-lists.ts');
  const { bundleDir, language, hasPages, synonyms } = job.words;
  return writeWordLists(bundleDir, language, hasPages, synonyms);
}

// One job, one answer, then this process ends.
if (import.meta.main) {
  process.once('message', (job: StepJob) => {
    run(job).then(
      (done) => answer({ done }),
      (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function answer(message: StepAnswer<unknown>): void {
  process.send!(message, () => process.disconnect());
}
