import { describe, expect, it } from 'vitest';
import { ensureChromium, SYSTEM_CHROMIUM, type Machine } from '../../scripts/find-chromium.ts';

/** A machine with the given files, where "installing" runs `onRun` instead of apt-get; records what was run. */
function machine(options: {
  files?: string[];
  isRoot?: boolean;
  isDebian?: boolean;
  env?: NodeJS.ProcessEnv;
  onRun?: (files: Set<string>) => void;
}) {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const m: Machine = {
    env: options.env ?? {},
    exists: (path) => files.has(path),
    isRoot: options.isRoot ?? false,
    isDebian: options.isDebian ?? true,
    run: (command) => {
      ran.push(command);
      options.onRun?.(files);
    },
    log: () => {},
  };
  return { m, ran };
}

const aptInstallsChromium = (files: Set<string>) => files.add(SYSTEM_CHROMIUM);

describe('npm test’s first step: finding Chromium for the browser tests', () => {
  it('uses Debian’s Chromium when it is there, installing nothing', () => {
    const { m, ran } = machine({ files: [SYSTEM_CHROMIUM], isRoot: true, onRun: aptInstallsChromium });
    expect(ensureChromium(m)).toEqual({ path: SYSTEM_CHROMIUM });
    expect(ran).toEqual([]);
  });

  it('uses CHROME_PATH when it names a browser', () => {
    const { m, ran } = machine({ files: ['/opt/chrome/chrome'], env: { CHROME_PATH: '/opt/chrome/chrome' } });
    expect(ensureChromium(m)).toEqual({ path: '/opt/chrome/chrome' });
    expect(ran).toEqual([]);
  });

  it('installs Debian’s chromium package when it is missing and we are root on Debian', () => {
    const { m, ran } = machine({ isRoot: true, isDebian: true, onRun: aptInstallsChromium });
    expect(ensureChromium(m)).toEqual({ path: SYSTEM_CHROMIUM });
    expect(ran).toEqual(['apt-get update && apt-get install -y chromium']);
  });

  it('says so when the install ran but left no browser, or failed', () => {
    expect(ensureChromium(machine({ isRoot: true }).m)).toEqual({
      problem: expect.stringContaining(`${SYSTEM_CHROMIUM} is still missing`),
    });
    const failing = machine({
      isRoot: true,
      onRun: () => {
        throw new Error('E: Unable to locate package chromium');
      },
    });
    expect(ensureChromium(failing.m)).toEqual({ problem: expect.stringContaining('Unable to locate package chromium') });
  });

  it.each([
    ['not root', { isRoot: false, isDebian: true }],
    ['root, but not on Debian', { isRoot: true, isDebian: false }],
  ])('when missing and %s, installs nothing and gives the command to run', (_, who) => {
    const { m, ran } = machine({ ...who, onRun: aptInstallsChromium });
    const result = ensureChromium(m);
    expect(ran).toEqual([]);
    expect(result).toEqual({ problem: expect.stringContaining('sudo apt-get update && sudo apt-get install -y chromium') });
    expect(result).toEqual({ problem: expect.stringContaining('CHROME_PATH') });
  });

  it('reports a CHROME_PATH that names nothing instead of installing or using another browser', () => {
    const { m, ran } = machine({
      files: [SYSTEM_CHROMIUM],
      isRoot: true,
      env: { CHROME_PATH: '/nowhere/chrome' },
      onRun: aptInstallsChromium,
    });
    expect(ensureChromium(m)).toEqual({
      problem: expect.stringContaining('CHROME_PATH is set to "/nowhere/chrome", but no file is there'),
    });
    expect(ran).toEqual([]);
  });
});
