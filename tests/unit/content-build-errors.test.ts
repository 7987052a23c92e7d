import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { astroBin, copyProject } from '../support/project-copy.ts';

// Astro's content layer validates frontmatter against our schema when it syncs; the editor must learn file and field.
describe('a broken frontmatter field fails the build', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  const sync = (article: string) => {
    const dir = join(project.dir, 'content/articles');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'account-access'), { recursive: true });
    writeFileSync(join(dir, 'account-access/broken-article.mdx'), article);
    const run = spawnSync(process.execPath, [astroBin, 'sync'], {
      cwd: project.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: run.status, output: stripVTControlCharacters(`${run.stdout}\n${run.stderr}`) };
  };

  it('names the file and the wrong field', () => {
    const { status, output } = sync(
      '---\ntitle: Broken\ndescription: This article has a category that is not a slug.\ncategory: Account Access\nupdated: 2026-01-01\n---\nBody\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/account-access/broken-article.mdx');
    expect(output).toContain('category: use lowercase words joined by hyphens');
  }, 60_000);

  it('names a missing required field', () => {
    const { status, output } = sync('---\ntitle: Broken\ncategory: account-access\nupdated: 2026-01-01\n---\nBody\n');
    expect(status).not.toBe(0);
    expect(output).toContain('broken-article.mdx');
    expect(output).toMatch(/description\W/);
  }, 60_000);
});
