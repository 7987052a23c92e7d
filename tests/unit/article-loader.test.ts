import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { articleBody, articleLoader } from '../../src/lib/article-loader.ts';

const root = mkdtempSync(join(tmpdir(), 'signpost-article-loader-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

/** The parts of Astro's loader context the loader uses, with a store that keeps entries in a Map. */
function context() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; filePath?: string; digest?: string }>();
  const parseData = vi.fn(async ({ data }: { data: Record<string, unknown> }) => data);
  const warn = vi.fn();
  const ctx = {
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown> }) => entries.set(entry.id, entry),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData,
    generateDigest: (text: string) => String(text.length) + text.slice(-20),
    logger: { warn, info: vi.fn(), error: vi.fn() },
  } as unknown as LoaderContext;
  return { ctx, entries, parseData, warn };
}

describe('the article loader', () => {
  const article = (title: string, body: string) => `---\ntitle: ${title}\ncategory: payments\n---\n\n${body}\n\n`;

  it('stores each article under its file name with its frontmatter, and neither its body nor a compiled module', async () => {
    write('content/articles/payments/loomwork-fees.mdx', article('Fees', '## What do I pay?\n\n<Callout>\n\nLittle.\n\n</Callout>'));
    write('content/articles/hiring/post-a-job.mdx', article('Post a job', 'Body.'));
    const { ctx, entries } = context();
    await articleLoader('./content/articles').load(ctx);
    expect([...entries.keys()].sort()).toEqual(['loomwork-fees', 'post-a-job']);
    expect(entries.get('loomwork-fees')).toEqual({
      id: 'loomwork-fees',
      data: { title: 'Fees', category: 'payments' },
      filePath: 'content/articles/payments/loomwork-fees.mdx',
      digest: expect.any(String),
    });
  });

  it("reads an article's body from its file, trimmed as the MDX integration reads it, when a page asks", async () => {
    const filePath = join(root, 'content/articles/payments/loomwork-fees.mdx');
    expect(await articleBody({ id: 'loomwork-fees', filePath })).toBe('## What do I pay?\n\n<Callout>\n\nLittle.\n\n</Callout>');
    write('content/articles/payments/loomwork-fees.mdx', article('Fees', 'Saved since the build started.'));
    expect(await articleBody({ id: 'loomwork-fees', filePath })).toBe('Saved since the build started.');
    await expect(articleBody({ id: 'gone' })).rejects.toThrow('article "gone" has no file to read its body from');
  });

  it('reparses only what changed, and forgets deleted articles', async () => {
    const { ctx, entries, parseData } = context();
    const loader = articleLoader('./content/articles');
    await loader.load(ctx);
    parseData.mockClear();
    write('content/articles/hiring/post-a-job.mdx', article('Post a job today', 'Body.'));
    rmSync(join(root, 'content/articles/payments/loomwork-fees.mdx'));
    await loader.load(ctx);
    expect(parseData).toHaveBeenCalledTimes(1);
    expect([...entries.keys()]).toEqual(['post-a-job']);
    expect(entries.get('post-a-job')?.data.title).toBe('Post a job today');
  });

  it('warns when two articles share a slug, naming both files', async () => {
    write('content/articles/other/post-a-job.mdx', article('Another', 'Body.'));
    const { ctx, warn } = context();
    await articleLoader('./content/articles').load(ctx);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/slug "post-a-job": content\/articles\/(hiring|other)\/post-a-job\.mdx and/));
    rmSync(join(root, 'content/articles/other'), { recursive: true });
  });

  it('names the file whose frontmatter is not YAML', async () => {
    write('content/articles/hiring/broken.mdx', '---\ntitle: [unclosed\n---\nBody\n');
    const { ctx } = context();
    await expect(articleLoader('./content/articles').load(ctx)).rejects.toThrow(
      /^content\/articles\/hiring\/broken\.mdx: the frontmatter is not valid YAML/,
    );
  });
});
