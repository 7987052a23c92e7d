import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..');

/** A throwaway copy of the tracked project (node_modules linked) for builds that must not touch ours. */
export function copyProject(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-copy-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(projectRoot, file), join(dir, file), { recursive: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted but not yet committed
    }
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
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
