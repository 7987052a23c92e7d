import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { projectFiles } from '../scripts/project-files.ts';
import { projectNode } from './project-node.ts';

export const projectRoot = resolve(import.meta.dirname, '..');

/** A throwaway copy of the project's files at `from` (node_modules linked) for builds that must not touch ours. */
export function copyProject(from = projectRoot): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-copy-'));
  for (const file of projectFiles(from)) cpSync(join(from, file), join(dir, file));
  symlinkSync(join(from, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** What Vitest adds to the environment (its own flags and a copy of import.meta.env) and Astro would obey. */
const TEST_RUNNER_VARIABLES = ['TEST', 'NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'FORCE_TTY'];

/** The environment a person's shell would give Astro, so a build or dev server under test behaves as theirs. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('VITEST') || TEST_RUNNER_VARIABLES.includes(name)) delete env[name];
  return { ...env, ...extra };
}

/**
 * Runs the project's Node in `dir` (a copy's folder) with `args`, as a person's shell would but without colours:
 * its exit status and everything it printed, standard output then standard error.
 */
export function runNode(dir: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(projectNode(dir), args, { cwd: dir, encoding: 'utf8', env: userEnv({ NO_COLOR: '1' }) });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}
