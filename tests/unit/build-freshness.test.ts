import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_MARKER, buildIsStale, sourceFiles, sourceListDigest } from '../../src/server/build-freshness.ts';

describe('buildIsStale', () => {
  let root: string;
  const write = (path: string, secondsAgo: number, text = 'x') => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(file, t, t);
  };
  const build = (secondsAgo: number, siteUrl: string | null = null) =>
    write(
      BUILD_MARKER,
      secondsAgo,
      JSON.stringify({ siteUrl, pagePolicies: {}, encodings: {}, sources: sourceListDigest(sourceFiles(root, 'content')) }),
    );
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none, or when content or code is newer', () => {
    root = mkdtempSync(join(tmpdir(), 'fresh-'));
    write('src/pages/index.astro', 100);
    write('content/articles/a.mdx', 100);
    expect(buildIsStale(root, 'content', undefined)).toBe('no build yet');
    build(50);
    expect(buildIsStale(root, 'content', undefined)).toBeUndefined();
    write('content/articles/a.mdx', 10);
    expect(buildIsStale(root, 'content', undefined)).toBe('content/articles/a.mdx changed');
    build(5);
    write('src/lib/x.ts', 1);
    expect(buildIsStale(root, 'content', undefined)).toBe('src/lib/x.ts changed');
    build(0);
    write('scripts/build/precompress.ts', -5);
    expect(buildIsStale(root, 'content', undefined)).toBe('scripts/build/precompress.ts changed');
  });

  it('asks for a build when the words changed, also with CONTENT_DIR pointing the articles elsewhere', () => {
    root = mkdtempSync(join(tmpdir(), 'fresh-'));
    write('content/messages/en.json', 100);
    write('corpus/articles/a.mdx', 100);
    write(
      BUILD_MARKER,
      50,
      JSON.stringify({ siteUrl: null, pagePolicies: {}, encodings: {}, sources: sourceListDigest(sourceFiles(root, 'corpus')) }),
    );
    expect(buildIsStale(root, 'corpus', undefined)).toBeUndefined();
    write('content/messages/en.json', 10);
    expect(buildIsStale(root, 'corpus', undefined)).toBe('content/messages/en.json changed');
    expect(sourceFiles(root, 'content')).toEqual(['content/messages/en.json']);
  });

  it('asks for a build when a source file was deleted or moved, which leaves nothing newer', () => {
    root = mkdtempSync(join(tmpdir(), 'fresh-'));
    write('src/pages/old-page.astro', 100);
    write('content/articles/a.mdx', 100);
    build(50);
    expect(buildIsStale(root, 'content', undefined)).toBeUndefined();
    rmSync(join(root, 'src/pages/old-page.astro'));
    expect(buildIsStale(root, 'content', undefined)).toBe('a source file was added, moved or deleted');
  });

  it('asks for a build when SITE_URL is not the one the build was made for', () => {
    root = mkdtempSync(join(tmpdir(), 'fresh-'));
    write('src/pages/index.astro', 100);
    build(50, 'https://help.example.com');
    expect(buildIsStale(root, 'content', 'https://help.example.com/')).toBeUndefined();
    expect(buildIsStale(root, 'content', 'https://support.example.com')).toBe(
      'the build in dist/ was made for SITE_URL=https://help.example.com, but the server is started for SITE_URL=https://support.example.com',
    );
    expect(buildIsStale(root, 'content', undefined)).toBe(
      'the build in dist/ was made for SITE_URL=https://help.example.com, but the server is started without SITE_URL',
    );
  });
});
