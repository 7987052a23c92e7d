import { markdownToMdast, type MdastNode } from 'satteri';
import { MARKDOWN_FEATURES } from './dialect.ts';

type Node = MdastNode & { position?: { start: { offset?: number }; end: { offset?: number } } };

/**
 * The Markdown with every site-relative link (`/articles/x/`, `/troubleshoot/login/#step`) made absolute on
 * `origin`, for readers that see the text away from the site (assistants, llms.txt). Only the destinations change;
 * the rest stays byte for byte as written.
 */
export function absoluteLinks(markdown: string, origin: string): string {
  const edits: { at: number; length: number; url: string }[] = [];
  const visit = (node: Node) => {
    if ((node.type === 'link' || node.type === 'definition' || node.type === 'image') && /^\/(?!\/)/.test(node.url)) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? 0;
      const source = markdown.slice(start, end);
      // The destination follows the label: `](url` for a link or image, `]: url` for a definition.
      const at = node.type === 'definition' ? source.indexOf(node.url, source.indexOf(']:')) : source.lastIndexOf(`](${node.url}`) + 2;
      if (at >= 2) edits.push({ at: start + at, length: node.url.length, url: origin + node.url });
    }
    for (const child of ('children' in node ? node.children : []) as Node[]) visit(child);
  };
  visit(markdownToMdast(markdown, { features: MARKDOWN_FEATURES }) as Node);
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.url + out.slice(edit.at + edit.length);
  return out;
}
