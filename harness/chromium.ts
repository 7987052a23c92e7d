// The system Chromium for browser tests: never a downloaded browser (these machines have no outside network).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium from phoning home or running first-run UI. */
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Path of the Chromium to drive: `CHROME_PATH` when set and present, else `/usr/bin/chromium`.
 * As root on Debian it installs the `chromium` package when neither exists; elsewhere it throws with what to do.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Chromium is not installed: running `apt-get update && apt-get install -y chromium`…');
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
    if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
    throw new Error(`apt-get installed the chromium package, but ${SYSTEM_CHROMIUM} is still missing.`);
  }

  const envNote = fromEnv ? `CHROME_PATH is set to "${fromEnv}", but no file is there. ` : '';
  throw new Error(
    `${envNote}No Chromium found at ${SYSTEM_CHROMIUM}. Install it (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) ` +
      'or set CHROME_PATH to an installed Chromium or Chrome executable.',
  );
}

/** Launches the system Chromium headless through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
