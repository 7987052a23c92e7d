export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem extends Heading {
  children: TocItem[];
}

/** Nests h2/h3 headings for the "In this article" list; deeper levels are left to the page. */
export function buildToc(headings: Heading[], maxDepth = 3): TocItem[] {
  const root: TocItem[] = [];
  let parent: TocItem | undefined;
  for (const heading of headings) {
    if (heading.depth < 2 || heading.depth > maxDepth) continue;
    const item: TocItem = { ...heading, children: [] };
    if (heading.depth === 2 || !parent) {
      root.push(item);
      parent = heading.depth === 2 ? item : parent;
    } else {
      parent.children.push(item);
    }
  }
  return root;
}
