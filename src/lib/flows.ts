import { getCollection } from 'astro:content';
import { prepareFlow, type PreparedFlow } from '../troubleshooter/prepare.ts';
import { getArticles } from './articles.ts';
import { defaultLanguage } from '../i18n/languages.ts';

/**
 * Every troubleshooter as readers walk it (with the flows it hands over to), by title, in language `lang`: each
 * flow's translation (content/<lang>/flows/, the same graph) where there is one, else the default language's words.
 */
export async function getFlows(lang: string = defaultLanguage.code): Promise<PreparedFlow[]> {
  const [entries, articles, translations] = await Promise.all([
    getCollection('flows'),
    getArticles(lang),
    getCollection('flowTranslations'),
  ]);
  const other = lang === defaultLanguage.code ? undefined : lang;
  const translated = new Map(translations.filter((e) => e.id.startsWith(`${lang}/`)).map((e) => [e.id.slice(lang.length + 1), e.data]));
  const files = new Map(entries.map((e) => [e.id, other ? (translated.get(e.id) ?? e.data) : e.data]));
  const titles = new Map(articles.map((a) => [a.id, a.data.title]));
  const written = (id: string) => [
    defaultLanguage.code,
    ...translations.filter((t) => t.id.endsWith(`/${id}`)).map((t) => t.id.slice(0, -id.length - 1)),
  ];
  return entries
    .map((e) => ({
      ...prepareFlow(e.id, files, titles, other),
      translations: written(e.id),
      ...(other && !translated.has(e.id) ? { untranslated: true } : {}),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
