import { getCollection } from 'astro:content';
import { prepareFlow, type PreparedFlow } from '../troubleshooter/prepare.ts';
import { getArticles } from './articles.ts';

/** Every troubleshooter as readers walk it (with the flows it hands over to), by title. */
export async function getFlows(): Promise<PreparedFlow[]> {
  const [entries, articles] = await Promise.all([getCollection('flows'), getArticles()]);
  const files = new Map(entries.map((e) => [e.id, e.data]));
  const titles = new Map(articles.map((a) => [a.id, a.data.title]));
  return entries.map((e) => prepareFlow(e.id, files, titles)).sort((a, b) => a.title.localeCompare(b.title));
}
