import { markdownToMdast, type MdastNode } from 'satteri';
import { MARKDOWN_FEATURES } from './dialect.ts';

/**
 * Markdown as plain text, as a reader reads it: no markup; blocks apart by a blank line, list items on lines of
 * their own after their number or a dash, links as their label, images as their description, raw HTML left out.
 */
export function markdownToText(markdown: string): string {
  return blocksToText(parseMarkdown(markdown).children);
}

/** The Markdown's syntax tree (mdast), in the help center's dialect. */
export function parseMarkdown(markdown: string): Extract<MdastNode, { type: 'root' }> {
  const root = markdownToMdast(markdown, { features: MARKDOWN_FEATURES, position: false });
  if (root.type !== 'root') throw new Error(`expected a Markdown document, got a ${root.type}`);
  return root;
}

/** Plain text of a run of blocks, such as the ones under a heading. */
export function blocksToText(blocks: readonly MdastNode[], separator = '\n\n'): string {
  return blocks
    .map(blockText)
    .filter((text) => text !== '')
    .join(separator);
}

function blockText(node: MdastNode): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node.children).trim();
    case 'blockquote':
      return blocksToText(node.children);
    case 'list':
      return node.children
        .map((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
          const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
          // Lines after the first line up under the item's text, as in the Markdown.
          const content = blocksToText(item.children, item.spread ? '\n\n' : '\n');
          return marker + task + content.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
        })
        .join(node.spread ? '\n\n' : '\n');
    case 'code':
      return node.value;
    case 'table':
      return node.children.map((row) => row.children.map((cell) => inlineText(cell.children).trim()).join(' | ')).join('\n');
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? blocksToText(node.children as MdastNode[]) : '';
  }
}

function inlineText(nodes: readonly MdastNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return '\n';
        case 'image':
        case 'imageReference':
          return node.alt ?? '';
        case 'html':
        case 'footnoteReference':
          return '';
        default:
          return 'children' in node ? inlineText(node.children as MdastNode[]) : '';
      }
    })
    .join('');
}
