import { getCollection } from 'astro:content';
import { prepareFlow, type PreparedFlow } from '../troubleshooter/prepare.ts';

export async function getFlows(): Promise<PreparedFlow[]> {
  const entries = await getCollection('flows');
  return entries.map((e) => prepareFlow(e.id, e.data)).sort((a, b) => a.title.localeCompare(b.title));
}
