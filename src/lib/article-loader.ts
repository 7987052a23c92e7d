import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parseFrontmatter } from 'astro/markdown';

/**
 * The articles under `base` (`<category>/<slug>.mdx`): their frontmatter, through Astro's public loader API. Astro's
 * glob() loader hands `.mdx` files to @astrojs/mdx, which makes each one a module the build bundles (about 0.2 MB of
 * memory per article, bench:build); the article page compiles the body when it renders (src/lib/markdown/
 * article-body.ts) instead, reading it from the file (`articleBody`). The store keeps no body either: the build
 * bundles the whole store as one module, which every prerendered page's process then holds, with its text twice.
 * An article's id is its file name: its slug.
 */
export function articleLoader(base: string): Loader {
  return articlesLoader([{ base, idPrefix: '' }]);
}

/**
 * Articles from several folders as one collection, each folder's ids prefixed: the translations
 * (`content/<lang>/articles/`, ids `<lang>/<slug>`), so a translation never collides with its source.
 */
export function articlesLoader(sources: { base: string; idPrefix: string }[]): Loader {
  return {
    name: 'article-loader',
    async load({ config, store, parseData, generateDigest, watcher, logger }) {
      const roots = sources.map((s) => ({ root: fileURLToPath(new URL(`${s.base}/`, config.root)), idPrefix: s.idPrefix }));
      const projectPath = (file: string) => relative(fileURLToPath(config.root), file).split(sep).join('/');
      const sourceOf = (file: string) => roots.find((r) => file.startsWith(r.root));
      const slugOf = (file: string) => `${sourceOf(file)?.idPrefix ?? ''}${basename(file, '.mdx')}`;

      const sync = async (file: string): Promise<string> => {
        const id = slugOf(file);
        const filePath = projectPath(file);
        const contents = await readFile(file, 'utf8');
        const digest = generateDigest(contents);
        const stored = store.get(id);
        if (stored?.digest === digest && stored.filePath === filePath) return id;
        let parsed: ReturnType<typeof parseFrontmatter>;
        try {
          parsed = parseFrontmatter(contents);
        } catch (error) {
          throw new Error(`${filePath}: the frontmatter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
        }
        store.set({ id, data: await parseData({ id, data: parsed.frontmatter, filePath: file }), filePath, digest });
        return id;
      };

      const files = (
        await Promise.all(
          roots.map(({ root }) => (existsSync(root) ? Array.fromAsync(glob('**/*.mdx', { cwd: root }), (file) => join(root, file)) : [])),
        )
      ).flat();
      const ids = await Promise.all(files.map(sync));
      const seen = new Map<string, string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) logger.warn(`Two articles have the slug "${id}": ${projectPath(seen.get(id)!)} and ${projectPath(files[i])}`);
        seen.set(id, files[i]);
      });
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);

      // `astro dev`: pages follow the editor's saves.
      if (!watcher) return;
      for (const { root } of roots) watcher.add(root);
      const isArticle = (file: string) => sourceOf(file) !== undefined && file.endsWith('.mdx');
      const reload = async (file: string) => {
        if (!isArticle(file)) return;
        try {
          await sync(file);
          logger.info(`Reloaded ${projectPath(file)}`);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (file) => {
        if (isArticle(file)) store.delete(slugOf(file));
      });
    },
  };
}

/**
 * An article's MDX body, read from its file (`filePath`, from the project's root: the folder Astro runs in) as
 * @astrojs/mdx reads an entry: trimmed, so error lines count from its first line.
 */
export async function articleBody(article: { id: string; filePath?: string }): Promise<string> {
  if (!article.filePath) throw new Error(`article "${article.id}" has no file to read its body from`);
  return parseFrontmatter(await readFile(resolve(article.filePath), 'utf8')).content.trim();
}
