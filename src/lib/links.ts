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

export function flowHref(id: string, step?: string): string {
  return `${TROUBLESHOOTERS_PATH}${id}/${step ? `#${step}` : ''}`;
}

/** The article as plain Markdown, for assistants and other programs. */
export function articleMarkdownHref(slug: string): string {
  return `/articles/${slug}.md`;
}
