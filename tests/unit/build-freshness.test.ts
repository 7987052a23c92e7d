import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_MARKER, buildIsStale } from '../../src/server/build-freshness.ts';

describe('buildIsStale', () => {
  let root: string;
  const write = (path: string, secondsAgo: number) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(file, t, t);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none, or when content or code is newer', () => {
    root = mkdtempSync(join(tmpdir(), 'fresh-'));
    write('src/pages/index.astro', 100);
    write('content/articles/a.mdx', 100);
    expect(buildIsStale(root, 'content')).toBe('no build yet');
    write(BUILD_MARKER, 50);
    expect(buildIsStale(root, 'content')).toBeUndefined();
    write('content/articles/a.mdx', 10);
    expect(buildIsStale(root, 'content')).toBe('content/articles/a.mdx changed');
    write(BUILD_MARKER, 5);
    write('src/lib/x.ts', 1);
    expect(buildIsStale(root, 'content')).toBe('src/lib/x.ts changed');
  });
});
