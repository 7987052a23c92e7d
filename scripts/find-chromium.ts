// `npm test` runs this first (pretest): the browser tests drive Debian's Chromium, and setting it up is this
// script's job, never a test's. Found: nothing to do. Missing: installed when we may (root on Debian), else we stop
// at once with the command to run, before minutes of type-checking and building.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/** The Chromium to drive: `CHROME_PATH` when set (it wins, so a wrong value is reported, not ignored), else Debian's. */
export function locateChromium(env: NodeJS.ProcessEnv, exists: (path: string) => boolean): { path: string } | { problem: string } {
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    return exists(fromEnv)
      ? { path: fromEnv }
      : { problem: `CHROME_PATH is set to "${fromEnv}", but no file is there. Point it at a Chromium or Chrome executable, or unset it.` };
  }
  if (exists(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM };
  return {
    problem:
      `No Chromium at ${SYSTEM_CHROMIUM}; the browser tests need it. Install it with ` +
      '`sudo apt-get update && sudo apt-get install -y chromium` (Debian or Ubuntu), or set CHROME_PATH to a Chromium or Chrome executable.',
  };
}

/** What the check may look at and do; injected so its decisions can be tested without a machine to change. */
export interface Machine {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  isRoot: boolean;
  isDebian: boolean;
  /** Runs a shell command, showing its output. */
  run: (command: string) => void;
  log: (message: string) => void;
}

/** Finds Chromium, installing Debian's package when it is missing and we are root on Debian. */
export function ensureChromium(machine: Machine): { path: string } | { problem: string } {
  const found = locateChromium(machine.env, machine.exists);
  if ('path' in found || machine.env.CHROME_PATH?.trim() || !machine.isRoot || !machine.isDebian) return found;
  machine.log(`Chromium is not installed; the browser tests need it. Running \`${INSTALL_COMMAND}\`…`);
  try {
    machine.run(INSTALL_COMMAND);
  } catch (error) {
    return {
      problem: `\`${INSTALL_COMMAND}\` failed (${error instanceof Error ? error.message : String(error)}). Install Chromium, then run npm test again.`,
    };
  }
  const installed = locateChromium(machine.env, machine.exists);
  return 'path' in installed ? installed : { problem: `\`${INSTALL_COMMAND}\` ran, but ${SYSTEM_CHROMIUM} is still missing.` };
}

if (import.meta.main) {
  const result = ensureChromium({
    env: process.env,
    exists: existsSync,
    isRoot: process.getuid?.() === 0,
    isDebian: existsSync('/etc/debian_version'),
    run: (command) => execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
    log: (message) => console.log(message),
  });
  if ('problem' in result) {
    console.error(result.problem);
    process.exit(1);
  }
}
