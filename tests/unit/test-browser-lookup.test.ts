import { afterEach, describe, expect, it, vi } from 'vitest';

// A bare Debian machine, as root, without Chromium: where the tests' own lookup once ran apt-get.
const commands = vi.hoisted(() => [] as string[]);
vi.mock('node:child_process', async (original) => {
  const record = (command: string, args?: unknown) => void commands.push([command, ...(Array.isArray(args) ? args : [])].join(' '));
  return { ...(await original<typeof import('node:child_process')>()), execSync: record, execFileSync: record, spawnSync: record };
});
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  return { ...fs, existsSync: (path: string) => path === '/etc/debian_version' };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the browser tests looking for Chromium', () => {
  it('never install it, even as root on Debian: they stop with what to do', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(0);
    vi.stubEnv('CHROME_PATH', '');
    const { findChromium } = await import('../../harness/chromium.ts');
    expect(() => findChromium()).toThrow(/No Chromium at \/usr\/bin\/chromium.*npm test/);
    expect(commands).toEqual([]);
  });
});
