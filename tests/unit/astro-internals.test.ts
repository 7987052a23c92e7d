import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/articles.ts';
import { renderArticleBody } from '../../src/lib/markdown/article-body.ts';

const dir = mkdtempSync(join(tmpdir(), 'signpost-astro-internals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function article(body: string): Article {
  const filePath = join(dir, 'example.mdx');
  writeFileSync(filePath, `---\ntitle: Example\n---\n${body}\n`);
  return { id: 'example', collection: 'articles', filePath, body, data: {} } as unknown as Article;
}

describe('what the article pipeline relies on in Astro (src/lib/astro-internals.ts)', () => {
  it('renders a body compiled at render time as HTML through the MDX renderer, as in the build', async () => {
    const container = await AstroContainer.create();
    // As in the build, another renderer (Preact's) comes before the JSX renderer @astrojs/mdx registers.
    const asked: string[] = [];
    const other = {
      name: 'other',
      check: async () => {
        asked.push('check');
        return false;
      },
      renderToStaticMarkup: async () => ({ html: 'rendered by another renderer' }),
    };
    container.addServerRenderer({ renderer: other });
    container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    const { Content } = await renderArticleBody(article('## Why\n\nIt is **fine**.'));
    const html = await container.renderToString(Content as never);
    const why =
      'see markAsMdxContent in src/lib/astro-internals.ts: the Astro version in use no longer picks the renderer a component is marked with';
    expect(html, why).toBe('<h2 id="why">Why</h2>\n<p>It is <strong>fine</strong>.</p>');
    expect(asked, why).toEqual([]);
  });
});
