import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { astroBin, copyProject, runNode } from '../../harness/project-copy.ts';

// A word missing from content/messages/en.json must stop the build with its key named, on any kind of page.
describe('an unknown message key fails the build, naming it', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  const run = (...args: string[]) => runNode(project.dir, args);
  /** Puts `code` at the top of a page's frontmatter; returns the line it lands on. */
  const addToFrontmatter = (page: string, code: string) => {
    const file = join(project.dir, page);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\n${code}\n`));
    return 2;
  };

  // The on-demand sent page is never rendered by the build: the static check before Astro must catch it.
  it('on an on-demand page, before Astro runs, with file and line', () => {
    const line = addToFrontmatter('src/pages/[...lang]/contact/sent.astro', "const probe = t('sent.no-such-key');");
    const expected = `src/pages/[...lang]/contact/sent.astro:${line}: unknown message key "sent.no-such-key" (not in content/messages/en.json)`;
    const build = run('scripts/build.ts');
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(expected);
    expect(build.output).not.toContain('[build]'); // Astro never started
    const check = run('scripts/check-content.ts');
    expect(check.status).toBe(1);
    expect(check.output).toContain(expected);
  });

  // A key the static check cannot read (computed) still fails: t() throws while the page prerenders.
  it('on a prerendered page, when it renders', () => {
    addToFrontmatter(
      'src/pages/404.astro',
      "import { t as say } from '../i18n/messages.ts';\nsay(['page', 'no-such-key'].join('.') as never);",
    );
    const build = run(astroBin, 'build');
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('Unknown message key "page.no-such-key" (content/messages/en.json)');
  });
});
