/**
 * A child process of the build's search step (build-index.ts forks it for each job; it answers and exits): it sorts
 * the built pages into languages (built-pages.ts), or writes the word lists beside a language's bundle
 * (word-lists.ts). Both grow a heap (every page's head; a dictionary and every page's words) that would otherwise stay
 * in the build's process beside Pagefind's or the steps after it; a process of its own gives it back on exit.
 */
import { answerOneJob } from '../lib/process-job.ts';
import type { SynonymGroups } from './synonyms.ts';

/** A job for this process. */
export type StepJob =
  | { sort: { clientDir: string; languages?: string[] } }
  | { words: { bundleDir: string; language: string; hasPages: boolean; synonyms: SynonymGroups } };

async function run(job: StepJob): Promise<unknown> {
  if ('sort' in job) {
    const { pagesByLanguage } = await import('./built-pages.ts');
    return pagesByLanguage(job.sort.clientDir, job.sort.languages);
  }
  const { writeWordLists } = await import('./word-lists.ts');
  const { bundleDir, language, hasPages, synonyms } = job.words;
  return writeWordLists(bundleDir, language, hasPages, synonyms);
}

if (import.meta.main) answerOneJob(run);
