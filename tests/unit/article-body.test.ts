import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderArticleBody } from '../../src/lib/markdown/article-body.ts';
import type { Article } from '../../src/lib/articles.ts';

const dir = mkdtempSync(join(tmpdir(), 'signpost-article-body-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An article as the content layer hands it to the page: frontmatter parsed, body trimmed. */
function article(source: string): Article {
  const filePath = join(dir, 'example.mdx');
  writeFileSync(filePath, source);
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
  return { id: 'example', collection: 'articles', filePath, body, data: {} } as unknown as Article;
}

const frontmatter = '---\ntitle: Example\ndescription: An example.\ncategory: account-access\nupdated: 2026-01-01\n---\n';

describe('article bodies', () => {
  it('lists headings with the ids their anchors use, numbering repeats as Astro does', async () => {
    const { headings } = await renderArticleBody(article(`${frontmatter}\n## Why it happens\n\n### Try again\n\n## Try again\n`));
    expect(headings).toEqual([
      { depth: 2, slug: 'why-it-happens', text: 'Why it happens' },
      { depth: 3, slug: 'try-again', text: 'Try again' },
      { depth: 2, slug: 'try-again-1', text: 'Try again' },
    ]);
  });

  it('names file, line and column of broken MDX, counted from the top of the file', async () => {
    const source = `${frontmatter}\nA paragraph.\n\n<Callout type="tip">\nNever closed.\n`;
    await expect(renderArticleBody(article(source))).rejects.toThrow(
      `${join(dir, 'example.mdx')}:10:1: Expected a closing tag for \`<Callout>\``,
    );
  });

  it('refuses an import line at its line instead of rendering a missing component later', async () => {
    const source = `${frontmatter}\nIntro.\n\nimport Widget from '../widget.astro';\n\n<Widget />\n`;
    await expect(renderArticleBody(article(source))).rejects.toThrow(
      `${join(dir, 'example.mdx')}:10:1: "import" lines are not supported in articles`,
    );
  });
});
