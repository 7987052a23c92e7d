import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { articleSchema, categorySchema } from './lib/content-schemas.ts';
import { flowSchema } from './troubleshooter/flow-schema.ts';
import { contentDir } from './lib/content-dir.ts';

const articles = defineCollection({
  loader: glob({ base: `${contentDir}/articles`, pattern: '**/*.mdx', generateId: ({ entry }) => slugFromPath(entry) }),
  schema: articleSchema,
});

const categories = defineCollection({
  loader: file(`${contentDir}/categories.yaml`),
  schema: categorySchema,
});

function slugFromPath(entry: string): string {
  return entry.replace(/^.*\//, '').replace(/\.mdx$/, '');
}

const flows = defineCollection({
  loader: glob({ base: `${contentDir}/flows`, pattern: '*.yaml' }),
  schema: flowSchema,
});

export const collections = { articles, categories, flows };
