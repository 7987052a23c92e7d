import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { announcementFileSchema } from './lib/announcements.ts';
import { announcementsFilePath } from './lib/announcements-file.ts';
import { articleLoader } from './lib/article-loader.ts';
import { articleSchema, categorySchema } from './lib/content-schemas.ts';
import { flowLoader } from './lib/flow-loader.ts';
import { flowSchema } from './troubleshooter/flow-schema.ts';
import { contentDir } from './lib/content-dir.ts';

const articles = defineCollection({
  loader: articleLoader(`${contentDir}/articles`),
  schema: articleSchema,
});

const categories = defineCollection({
  loader: file(`${contentDir}/categories.yaml`),
  schema: categorySchema,
});

const flows = defineCollection({
  loader: flowLoader(`${contentDir}/flows`),
  schema: flowSchema,
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
