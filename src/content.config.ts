import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { announcementFileSchema } from './lib/announcements.ts';
import { announcementsFilePath } from './lib/announcements-file.ts';
import { articleSchema, categorySchema } from './lib/content-schemas.ts';
import { flowFileSchema } from './troubleshooter/flow-file.ts';
import { contentDir } from './lib/content-dir.ts';

const articles = defineCollection({
  loader: bodyOnly(glob({ base: `${contentDir}/articles`, pattern: '**/*.mdx', generateId: ({ entry }) => slugFromPath(entry) })),
  schema: articleSchema,
});

const categories = defineCollection({
  loader: file(`${contentDir}/categories.yaml`),
  schema: categorySchema,
});

/**
 * Keeps frontmatter and the MDX source of each entry but not Astro's compiled module: the article page compiles the
 * body itself (src/lib/article-body.ts), so the build never bundles one module per article.
 */
function bodyOnly(loader: Loader): Loader {
  return {
    name: loader.name,
    load: (context) => {
      // Astro passes the glob loader the file types integrations registered (not in LoaderContext's public type).
      // Without a render function or module types, an entry type only reads frontmatter and body.
      const { entryTypes } = context as GlobLoaderContext;
      const readOnly = [...entryTypes].map(
        ([ext, type]) => [ext, { extensions: type.extensions, getEntryInfo: type.getEntryInfo }] as const,
      );
      return loader.load({ ...context, entryTypes: new Map(readOnly) } as GlobLoaderContext);
    },
  };
}

type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, { extensions: string[]; getEntryInfo: unknown }> };

function slugFromPath(entry: string): string {
  return entry.replace(/^.*\//, '').replace(/\.mdx$/, '');
}

const flows = defineCollection({
  loader: glob({ base: `${contentDir}/flows`, pattern: '*.yaml' }),
  schema: flowFileSchema,
});

/** `content/announcements.yaml` (or .yml, .json): optional, so a site with no notices needs no file. */
const announcements = defineCollection({
  loader: optionalFile(announcementsFilePath()),
  schema: announcementFileSchema,
});

function optionalFile(path: string | undefined): Loader {
  return path ? file(path) : { name: 'no-announcements-file', load: async ({ store }) => store.clear() };
}

export const collections = { articles, categories, flows, announcements };
