import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFiles } from '../../scripts/project-files.ts';
import { copyProject, projectRoot } from '../../harness/project-copy.ts';

/** What building, serving and testing leave in a project folder, all of it ignored by .gitignore. */
const LEFT_BEHIND = ['dist/client/index.html', '.astro/data-store.json', 'data/signpost.sqlite', 'npm-debug.log', 'test-results/x.txt'];

describe('the project files, in a copy that is not a git checkout (a downloaded release)', () => {
  let plain: ReturnType<typeof copyProject>;
  beforeAll(() => {
    plain = copyProject();
    for (const file of LEFT_BEHIND) {
      mkdirSync(dirname(join(plain.dir, file)), { recursive: true });
      writeFileSync(join(plain.dir, file), 'left behind');
    }
  });
  afterAll(() => plain?.remove());

  it('are the ones git lists in the checkout, without what .gitignore ignores', () => {
    expect(existsSync(join(plain.dir, '.git'))).toBe(false);
    const files = projectFiles(plain.dir);
    expect(files).toEqual(projectFiles(projectRoot));
    expect(files).toContain('package.json');
    for (const file of LEFT_BEHIND) expect(files).not.toContain(file);
  });

  it('can be copied again, as the release’s own tests and benchmarks do', () => {
    const again = copyProject(plain.dir);
    try {
      expect(projectFiles(again.dir)).toEqual(projectFiles(projectRoot));
    } finally {
      again.remove();
    }
  });
});
