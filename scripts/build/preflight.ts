/**
 * The build's checks before Astro starts, in a process of their own (scripts/build.ts forks it; it answers and
 * exits): the message keys, the brand colours and the synonyms files, each a minute's failure caught in a second. What
 * they load (every source file's message keys, above all) would otherwise stay in the build's process beside Astro's
 * for the whole build. The answer is the lines to print, empty when the build may go on.
 */
import { readFileSync } from 'node:fs';
import { brandContrastProblems, themeSurfaces } from '../../src/brand/contrast.ts';
import { messageCheckReport } from '../../src/i18n/key-check.ts';
import { defaultLanguage } from '../../src/i18n/languages.ts';
import { contentDir } from '../../src/lib/content-dir.ts';
import { answerOneJob } from '../../src/lib/process-job.ts';
import { readAllSynonymsFiles } from '../../src/search/synonyms-file.ts';
import { site } from '../../src/site.config.ts';

export interface PreflightJob {
  /** The project's root, ending in a slash. */
  root: string;
}

function preflight({ root }: PreflightJob): string[] {
  // Before Astro: it would only meet an unknown key on a prerendered page, never on an on-demand one.
  const messages = messageCheckReport(root);
  if (messages.errors.length) {
    return [...messages.errors, 'The build stopped: fix the message keys above (content/messages/en.json, docs/messages.md).'];
  }
  // The brand colours against the theme's backgrounds (WCAG AA).
  const surfaces = themeSurfaces(readFileSync(`${root}src/styles/global.css`, 'utf8'));
  const contrast = brandContrastProblems(site.brand.colors, surfaces);
  if (contrast.length) {
    return [...contrast, 'The build stopped: pick brand colours with enough contrast (src/site.config.ts, brand.colors).'];
  }
  // A broken synonyms file is one line naming file and line, not a failure deep in a page.
  try {
    readAllSynonymsFiles(contentDir, defaultLanguage.code);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return [];
}

if (import.meta.main) answerOneJob(async (job: PreflightJob) => preflight(job));
