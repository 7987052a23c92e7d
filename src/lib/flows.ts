import { getCollection } from 'astro:content';
import type { FlowFile } from '../troubleshooter/flow-schema.ts';

let byId: Promise<Map<string, FlowFile>> | undefined;

/** Every troubleshooter flow by id. Content is fixed at build time, so one lookup serves the process. */
export function flowsById(): Promise<Map<string, FlowFile>> {
  byId ??= getCollection('flows').then((entries) => new Map(entries.map((entry) => [entry.id, entry.data])));
  return byId;
}
