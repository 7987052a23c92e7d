// Where things live on the site. Apart from the collections (src/lib/articles.ts, flows.ts), so on-demand
// routes can link to content without importing it.

export function articleHref(slug: string): string {
  return `/articles/${slug}/`;
}

export function categoryHref(id: string): string {
  return `/categories/${id}/`;
}

/** Where every troubleshooter lives: the list, and each flow below it. */
export const TROUBLESHOOTERS_PATH = '/troubleshoot/';

/**
 * A flow by its id, or as prepared for a language (`lang`: the code of a language other than the default; no import
 * of the languages here, as the troubleshooter island links with these).
 */
export type FlowRef = string | { id: string; lang?: string };
const flowBase = (flow: FlowRef) =>
  typeof flow === 'string' ? `${TROUBLESHOOTERS_PATH}${flow}/` : `${flow.lang ? `/${flow.lang}` : ''}${TROUBLESHOOTERS_PATH}${flow.id}/`;

/** A troubleshooter, at `step` for the island (`#<step>`, `#<flow>/<step>` in a flow it handed over to). */
export function flowHref(flow: FlowRef, step?: string): string {
  return `${flowBase(flow)}${step ? `#${step}` : ''}`;
}

/** The article as plain Markdown, for assistants and other programs. */
export function articleMarkdownHref(slug: string): string {
  return `/articles/${slug}.md`;
}

/**
 * A step's own page, which works without JavaScript: `path` is the walk that led there as the `path` parameter
 * writes it (src/troubleshooter/path-param.ts); its characters need no escaping in a query.
 */
export function flowStepHref(flow: FlowRef, step: string, path: string): string {
  return `${flowBase(flow)}${step}/${path ? `?path=${path}` : ''}`;
}
