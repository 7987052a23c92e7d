import type { Catalog } from '../lib/catalog.ts';
import { processWide } from './process-wide.ts';

// scripts/serve.ts reads dist/client/catalog.json into this slot before it loads the server bundle.
const provided = processWide<Catalog>('catalog');

export function provideCatalog(catalog: Catalog): void {
  provided.set(catalog);
}

/**
 * The build's content facts for on-demand routes. `astro dev` has no build to read, so there they come
 * straight from the collections; a production build drops that branch, and with it `astro:content`.
 */
export async function catalog(): Promise<Catalog> {
  if (import.meta.env.DEV) return (await import('../lib/catalog.ts')).buildCatalog();
  const current = provided.get();
  if (!current) throw new Error('The content catalog was not loaded: start the server with `npm run serve` or `npm start`.');
  return current;
}

type FlowsById = Map<string, Catalog['flows'][string]>;
const flowMaps = new WeakMap<Catalog, FlowsById>();

/** The flows by id, made once per catalog: every support request and event batch looks its flow up. */
export async function flowsById(): Promise<FlowsById> {
  const current = await catalog();
  let flows = flowMaps.get(current);
  if (!flows) flowMaps.set(current, (flows = new Map(Object.entries(current.flows))));
  return flows;
}
