import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { announcementFileSchema } from './lib/announcements.ts';
import { announcementsFilePath } from './lib/announcements-file.ts';
import { articleLoader, articlesLoader } from './lib/article-loader.ts';
import { categoryTranslationsLoader, flowTranslationsLoader } from './lib/translation-loaders.ts';
import { otherLanguages } from './i18n/languages.ts';
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

/** The other languages' translations (content/<lang>/…), ids `<lang>/<id>`; the default language is the collections above. */
const translatedCodes = otherLanguages.map((l) => l.code);
const articleTranslations = defineCollection({
  loader: articlesLoader(translatedCodes.map((code) => ({ base: `${contentDir}/${code}/articles`, idPrefix: `${code}/` }))),
  schema: articleSchema,
});
const categoryTranslations = defineCollection({
  loader: categoryTranslationsLoader(contentDir, translatedCodes),
  schema: categorySchema,
});
const flowTranslations = defineCollection({
  loader: flowTranslationsLoader(contentDir, translatedCodes),
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

export const collections = { articles, categories, flows, announcements, articleTranslations, categoryTranslations, flowTranslations };
