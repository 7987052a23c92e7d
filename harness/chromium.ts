// The system Chromium for browser tests: never a downloaded browser (these machines have no outside network).
// Finding or installing it is `npm test`'s first step (scripts/find-chromium.ts); tests only look for it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { locateChromium } from '../scripts/find-chromium.ts';

/** Flags that keep Chromium from phoning home or running first-run UI. */
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Path of the Chromium to drive (`CHROME_PATH`, else `/usr/bin/chromium`); throws with what to do when there is none. */
export function findChromium(): string {
  const found = locateChromium(process.env, existsSync);
  if ('path' in found) return found.path;
  throw new Error(`${found.problem} (\`npm test\` checks this before any test, and installs it when run as root on Debian.)`);
}

/** Launches the system Chromium headless through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
