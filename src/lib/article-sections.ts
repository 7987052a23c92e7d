import type { MarkdownHeading } from 'astro';
import type { MdastNode } from 'satteri';
import { blocksToText, parseMarkdown } from './markdown/text.ts';

/** A block of an article's text as a quick answer shows it: a paragraph (or a quote), or a list's items. */
export type SectionBlock = { kind: 'text'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

/** The text under one heading of an article (the part before the first heading has none), as plain text. */
export interface ArticleSection {
  /** The heading's text; '' for the part before the first heading. */
  heading: string;
  /** The heading's id on the page; '' for the part before the first heading. */
  anchor: string;
  blocks: SectionBlock[];
}

/**
 * An article's Markdown (article-markdown.ts) cut at the headings of its rendered page, so each section's anchor is
 * the id the page gives that heading. A Markdown heading the page does not have (a browser's subsection, which the
 * page shows as a tab) stays inside its section as text.
 */
export function articleSections(markdown: string, pageHeadings: readonly MarkdownHeading[]): ArticleSection[] {
  const sections: ArticleSection[] = [{ heading: '', anchor: '', blocks: [] }];
  let next = 0;
  for (const node of parseMarkdown(markdown).children) {
    const text = blocksToText([node]);
    if (node.type === 'heading' && pageHeadings[next]?.text.trim() === text) {
      sections.push({ heading: text, anchor: pageHeadings[next++].slug, blocks: [] });
    } else if (text) sections.at(-1)!.blocks.push(blockOf(node, text));
  }
  return sections.filter((s) => s.blocks.length > 0);
}

function blockOf(node: MdastNode, text: string): SectionBlock {
  if (node.type !== 'list') return { kind: 'text', text };
  return { kind: 'list', ordered: node.ordered ?? false, items: node.children.map((item) => blocksToText(item.children, '\n')) };
}
