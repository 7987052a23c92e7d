import { defineHastPlugin, defineMdastPlugin, markdownToHtml } from 'satteri';
import { MARKDOWN_FEATURES } from './dialect.ts';

/** Markdown editors wrote (a troubleshooter step) as HTML. */
export function renderMarkdown(markdown: string): string {
  return markdownToHtml(markdown, { features: MARKDOWN_FEATURES }).html;
}

/**
 * Inline Markdown (emphasis, code, links) as HTML that is safe to insert into a paragraph, whoever typed it:
 * announcements are also typed by staff into the console. Raw HTML is shown as text, images are dropped to
 * their text, links keep only safe destinations, and block syntax shows as typed.
 */
export function renderInlineMarkdown(markdown: string): string {
  return markdownToHtml(asOneParagraph(markdown), {
    features: MARKDOWN_FEATURES,
    mdastPlugins: [untrusted],
    hastPlugins: [unwrapParagraph],
  }).html.trim();
}

/** Links may go to our own pages, the web or an email address; never `javascript:` or `data:`. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i;

const untrusted = defineMdastPlugin({
  name: 'untrusted-markdown',
  html: (node) => ({ type: 'text', value: node.value }),
  image: (node) => ({ type: 'text', value: node.alt ?? '' }),
  link(node, ctx) {
    if (!SAFE_HREF.test(node.url)) ctx.replaceNode(node, node.children);
  },
});

const unwrapParagraph = defineHastPlugin({
  name: 'unwrap-paragraph',
  element: {
    filter: ['p'],
    visit(node, ctx) {
      ctx.replaceNode(node, node.children);
    },
  },
});

/**
 * What would open a block at the start of a line: a heading, quote, list item, rule, code fence, HTML block, or a
 * link or footnote definition (which would swallow the text).
 */
const BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|([-*_])(?:\s*\1){2,}\s*$|```|~~~|<|\[[^\]]*\]:)/;
const ORDERED_ITEM = /^(\d{1,9})([.)])(?=\s|$)/;

/** One line whose start is escaped where it would open a block, so the message stays one paragraph of inline text. */
function asOneParagraph(markdown: string): string {
  const line = markdown.replace(/\s*\n\s*/g, ' ').trim();
  return BLOCK_START.test(line) ? `\\${line}` : line.replace(ORDERED_ITEM, '$1\\$2');
}
