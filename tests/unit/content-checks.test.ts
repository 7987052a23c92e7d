import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { checkContent, internalLinks } from '../../src/lib/content-checks.ts';

const article = (path: string, frontmatter: string, body: string) => ({
  path,
  source: `---\ntitle: T\ndescription: A description long enough.\ncategory: account-access\nupdated: 2026-01-01\n${frontmatter}---\n${body}`,
});

describe('npm run check:content', () => {
  it('names file and line for every broken fixture and exits 1', () => {
    let output = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['scripts/check-content.ts', 'tests/fixtures/broken-content'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      output = e.stderr;
    }
    expect(status).toBe(1);
    const dir = 'tests/fixtures/broken-content/articles';
    expect(output.split('\n').filter((l) => l.startsWith(dir))).toEqual([
      `${dir}/account-access/forgot-password.mdx:8: related article "no-such-article" does not exist`,
      `${dir}/account-access/forgot-password.mdx:14: link to "/articles/does-not-exist/" points to no article`,
      `${dir}/account-access/forgot-password.mdx:16: heading level skips from h2 to h4; use ###`,
      `${dir}/account-access/reset-email-missing.mdx:7: alias "password-help" is already an alias in ${dir}/account-access/forgot-password.mdx`,
      `${dir}/account-access/reset-email-missing.mdx:10: use ## for top-level sections: the title is already the page heading (h1)`,
      `${dir}/account-access/reset-email-missing.mdx:12: link to "/categories/payments/" points to no category`,
      `${dir}/account-access/unclosed-callout.mdx:10: Expected a closing tag for \`<Callout>\` (mdx-jsx:unexpected-character)`,
      `${dir}/other/reset-email-missing.mdx:1: duplicate slug "reset-email-missing": ${dir}/account-access/reset-email-missing.mdx has the same file name`,
    ]);
  });

  it('passes on the real content', () => {
    const output = execFileSync(process.execPath, ['scripts/check-content.ts'], { encoding: 'utf8' });
    expect(output).toMatch(/^Content OK: \d+ articles, \d+ categories, \d+ troubleshooters?\./);
  });
});

describe('checkContent', () => {
  it('accepts links to articles, categories and known pages, with anchors and without trailing slash', async () => {
    const files = [
      article(
        'a/one.mdx',
        'related: [two]\n',
        '## Q?\n\nSee [two](/articles/two/#step) and [cat](/categories/account-access) and [home](/) and <a href="/contact/">us</a>.\n',
      ),
      article('a/two.mdx', '', '## Fine\n\n### Nested\n'),
    ];
    expect(await checkContent({ articles: files, categoryIds: ['account-access'] })).toEqual([]);
  });

  it('flags a link to an alias with the slug to use instead', async () => {
    const files = [article('one.mdx', 'aliases: [old-one]\n', ''), article('two.mdx', '', 'Go [here](/articles/old-one/).\n')];
    expect(await checkContent({ articles: files, categoryIds: ['account-access'] })).toEqual([
      { path: 'two.mdx', line: 7, message: 'link to "/articles/old-one/" uses an old alias; link to /articles/one/ instead' },
    ]);
  });

  it('flags related articles and links that point to drafts, unless the linking article is a draft too', async () => {
    const files = [
      article('draft.mdx', 'draft: true\nrelated: [live]\n', '[live](/articles/live/)\n'),
      article('live.mdx', 'related: [draft]\n', '[draft](/articles/draft/)\n'),
    ];
    expect(
      (await checkContent({ articles: files, categoryIds: ['account-access'] })).map((p) => `${p.path}:${p.line}: ${p.message}`),
    ).toEqual([
      'live.mdx:6: related article "draft" is a draft and will not be published',
      'live.mdx:8: link to "/articles/draft/" points to a draft article',
    ]);
  });

  it('flags unknown pages, unknown categories and an alias that repeats a slug', async () => {
    const files = [article('one.mdx', 'aliases: [two]\n', '[x](/pricing/)\n'), article('two.mdx', '', '')];
    const problems = (await checkContent({ articles: files, categoryIds: ['billing'] })).map((p) => p.message);
    expect(problems).toContain('link to "/pricing/" points to no page of the help center');
    expect(problems).toContain('category "account-access" is not defined in categories.yaml');
    expect(problems).toContain('alias "two" is already an article slug in two.mdx');
  });

  it('ignores headings and links inside code fences, and external links', async () => {
    const files = [
      article('one.mdx', '', '```md\n# not a heading\n[x](/nowhere/)\n```\n[site](https://example.com/x) [proto](//cdn.example/x)\n'),
    ];
    expect(await checkContent({ articles: files, categoryIds: ['account-access'] })).toEqual([]);
  });

  it('reports invalid YAML frontmatter with its line', async () => {
    const problems = await checkContent({
      articles: [{ path: 'bad.mdx', source: '---\ntitle: T\nrelated: [a\n---\nbody\n' }],
      categoryIds: [],
    });
    expect(problems[0].path).toBe('bad.mdx');
    expect(problems[0].message).toMatch(/^frontmatter is not valid YAML/);
  });

  it('checks links to troubleshooters and their steps, from articles and from flow Markdown', async () => {
    const flow = {
      path: 'flows/login.yaml',
      source:
        'title: T\nstart: a\nsteps:\n  - id: a\n    body: |\n      Read [this](/articles/one/).\n      And [that](/articles/gone/).\n  - id: b\n    body: See [b](/troubleshoot/login/#nope)\n',
    };
    const files = [article('one.mdx', '', '[ok](/troubleshoot/login/#b) [bad](/troubleshoot/billing/)\n')];
    expect(
      (await checkContent({ articles: files, categoryIds: ['account-access'], flows: [flow] })).map(
        (p) => `${p.path}:${p.line}: ${p.message}`,
      ),
    ).toEqual([
      'flows/login.yaml:7: link to "/articles/gone/" points to no article',
      'flows/login.yaml:9: link to "/troubleshoot/login/#nope" points to no step of that troubleshooter',
      'one.mdx:7: link to "/troubleshoot/billing/" points to no troubleshooter',
    ]);
  });

  it('checks the articles a flow step lists: they must exist and be published', async () => {
    const flow = {
      path: 'flows/login.yaml',
      source: 'title: T\nstart: a\nsteps:\n  - id: a\n    articles: [one, gone]\n  - id: b\n    articles:\n      - draft-one\n',
    };
    const files = [article('one.mdx', '', 'Body.\n'), article('draft-one.mdx', 'draft: true\n', 'Body.\n')];
    expect(
      (await checkContent({ articles: files, categoryIds: ['account-access'], flows: [flow] })).map(
        (p) => `${p.path}:${p.line}: ${p.message}`,
      ),
    ).toEqual([
      'flows/login.yaml:5: article "gone" does not exist',
      'flows/login.yaml:8: article "draft-one" is a draft and will not be published',
    ]);
  });

  it('reports MDX that does not compile at its line in the file, as the build would', async () => {
    const files = [article('one.mdx', '', '\nIntro.\n\nimport Widget from "./widget.astro";\n'), article('two.mdx', '', 'Total {broken\n')];
    expect(
      (await checkContent({ articles: files, categoryIds: ['account-access'] })).map((p) => `${p.path}:${p.line}: ${p.message}`),
    ).toEqual([
      'one.mdx:10: "import" lines are not supported in articles; the components in docs/editing.md need no import',
      'two.mdx:7: Unexpected end of file in expression, expected a corresponding closing brace for `{` (mdx-jsx:unexpected-character)',
    ]);
  });

  it('finds links written in Markdown and in JSX', async () => {
    expect(internalLinks('a [x](/a/ "t")\n<a href=\'/b/\'>b</a>')).toEqual([
      { href: '/a/', line: 0 },
      { href: '/b/', line: 1 },
    ]);
  });
});
