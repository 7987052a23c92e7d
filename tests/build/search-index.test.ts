// What the search index holds, checked on builds of a copy of the project: category titles and other page chrome
// never make an article match (a generated corpus), and a malformed synonyms file stops the build naming file and
// line before anything is built.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_CATEGORIES, categoriesToYaml, writeCorpus } from '../../scripts/bench/corpus.ts';
import { copyProject, userEnv } from '../../harness/project-copy.ts';
import { TROUBLESHOOTERS_PATH } from '../../src/lib/links.ts';
import { languageBundleDir, openNodeSearch } from '../../src/search/node-search.ts';

/** A word no generated article says: it is only in one category's title, so only the page chrome shows it. */
const CHROME_WORD = 'quokka';

describe('the search index', () => {
  let project: ReturnType<typeof copyProject>;
  beforeAll(() => {
    project = copyProject();
  });
  afterAll(() => project?.remove());

  const build = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['scripts/build.ts'], { cwd: project.dir, encoding: 'utf8', env: userEnv(env) });

  it('stops the build at a malformed synonyms file, naming file and line, before Astro runs', () => {
    writeFileSync(join(project.dir, 'content/search/synonyms.yaml'), 'groups:\n  - [sign in, log in]\n  - [2fa]\n');
    const run = build();
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('content/search/synonyms.yaml:3: groups[1]: a group needs at least two terms that mean the same');
    expect(run.stdout).not.toContain('building client');
  });

  it('lets no article match a word only its category title (the breadcrumb, the filter) says', async () => {
    const corpus = join(project.dir, 'generated-content');
    await writeCorpus(corpus, 48);
    const categories = BENCH_CATEGORIES.map((c, i) => (i === 2 ? { ...c, title: `${c.title} and ${CHROME_WORD}s` } : c));
    writeFileSync(join(corpus, 'categories.yaml'), categoriesToYaml(categories));
    rmSync(join(project.dir, 'content/search/synonyms.yaml'));
    const run = build({ CONTENT_DIR: corpus });
    expect(run.status, run.stderr).toBe(0);

    const search = await openNodeSearch({
      bundleDir: languageBundleDir(join(project.dir, 'dist/client'), 'en'),
      language: 'en',
      flowPathPrefix: TROUBLESHOOTERS_PATH,
      productName: 'Loomwork',
    });
    const chrome = await search({ query: CHROME_WORD });
    expect(chrome.hits.map((h) => h.url)).toEqual([]);
    // The same articles are found by what they say, and still carry their category for the results list.
    const found = await search({ query: 'payment' });
    expect(found.match).toBe('exact');
    expect(found.hits.some((h) => h.category === categories[2].title)).toBe(true);
  });
});
