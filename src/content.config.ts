import { existsSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { announcementFileSchema } from './lib/announcements.ts';
import { articleLoader } from './lib/article-loader.ts';
import { articleSchema, categorySchema } from './lib/content-schemas.ts';
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
  loader: glob({ base: `${contentDir}/flows`, pattern: '*.yaml' }),
  schema: flowSchema,
});

/** `content/announcements.yaml` (or .yml, .json): optional, so a site with no notices needs no file. */
const announcements = defineCollection({
  loader: optionalFile(['yaml', 'yml', 'json'].map((ext) => `${contentDir}/announcements.${ext}`)),
  schema: announcementFileSchema,
});

function optionalFile(candidates: string[]): Loader {
  const path = candidates.find((candidate) => existsSync(candidate));
  return path ? file(path) : { name: 'no-announcements-file', load: async ({ store }) => store.clear() };
}

export const collections = { articles, categories, flows, announcements };
