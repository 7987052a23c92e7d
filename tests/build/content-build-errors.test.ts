import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBin, copyProject, projectRoot, runNode } from '../../harness/project-copy.ts';

// Astro's content layer validates frontmatter against our schema when it syncs; the editor must learn file and field.
describe('broken content fails the build, naming file and field', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  const runAstro = (command: 'sync' | 'build') => runNode(project.dir, [astroBin, command]);
  const runSync = () => runAstro('sync');
  const sync = (article: string) => {
    const dir = join(project.dir, 'content/articles');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'account-access'), { recursive: true });
    writeFileSync(join(dir, 'account-access/broken-article.mdx'), article);
    return runSync();
  };

  it('names the file and the wrong field', () => {
    const { status, output } = sync(
      '---\ntitle: Broken\ndescription: This article has a category that is not a slug.\ncategory: Account Access\nupdated: 2026-01-01\n---\nBody\n',
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/account-access/broken-article.mdx');
    expect(output).toContain('category: use lowercase words joined by hyphens');
  });

  it('names a missing required field', () => {
    const { status, output } = sync('---\ntitle: Broken\ncategory: account-access\nupdated: 2026-01-01\n---\nBody\n');
    expect(status).not.toBe(0);
    expect(output).toContain('broken-article.mdx');
    expect(output).toMatch(/description\W/);
  });

  // The body is compiled when its page renders (src/lib/markdown/article-body.ts), so a syntax error stops the build there.
  it('names the file and line of broken MDX in an article body', () => {
    sync(
      '---\ntitle: Broken body\ndescription: The frontmatter is fine; the body is not.\ncategory: account-access\nupdated: 2026-01-01\n---\n\nFirst paragraph.\n\n<Callout type="tip">\nNever closed.\n',
    );
    const { status, output } = runAstro('build');
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/account-access/broken-article.mdx:10:1: Expected a closing tag for `<Callout>`');
  });

  it('names the flow file and the step when a troubleshooter is broken', () => {
    sync(
      '---\ntitle: Fine\ndescription: A valid article so only the flow is wrong.\ncategory: account-access\nupdated: 2026-01-01\n---\nBody\n',
    );
    copyFileSync(join(projectRoot, 'tests/fixtures/flows/unknown-target.yaml'), join(project.dir, 'content/flows/broken.yaml'));
    try {
      const { status, output } = runSync();
      expect(status).not.toBe(0);
      expect(output).toContain('content/flows/broken.yaml');
      expect(output).toContain('step "ask": "Go on" leads to unknown step "missing-step"');
    } finally {
      rmSync(join(project.dir, 'content/flows/broken.yaml'));
    }
  });
});
