// Where things live on the site. Apart from the collections (src/lib/articles.ts, flows.ts), so on-demand
// routes can link to content without importing it.

export function articleHref(slug: string): string {
  return `/articles/${slug}/`;
}

export function categoryHref(id: string): string {
  return `/categories/${id}/`;
}

export function flowHref(id: string, step?: string): string {
  return `/troubleshoot/${id}/${step ? `#${step}` : ''}`;
}
