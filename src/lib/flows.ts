import { getCollection } from 'astro:content';
import type { FlowFile } from '../troubleshooter/flow-schema.ts';
import { prepareFlow, type PreparedFlow } from '../troubleshooter/prepare.ts';

export async function getFlows(): Promise<PreparedFlow[]> {
  const entries = await getCollection('flows');
  return entries.map((e) => prepareFlow(e.id, e.data)).sort((a, b) => a.title.localeCompare(b.title));
}

export function flowHref(id: string, step?: string): string {
  return `/troubleshoot/${id}/${step ? `#${step}` : ''}`;
}

let byId: Promise<Map<string, FlowFile>> | undefined;

/** Every troubleshooter flow by id. Content is fixed at build time, so one lookup serves the process. */
export function flowsById(): Promise<Map<string, FlowFile>> {
  byId ??= getCollection('flows').then((entries) => new Map(entries.map((entry) => [entry.id, entry.data])));
  return byId;
}
