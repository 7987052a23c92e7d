import { Marked } from 'marked';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Links may go to our own pages, the web or an email address; never `javascript:` or `data:`. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i;

// Staff type these messages into the console, so the HTML must be safe whatever they type: raw HTML is shown
// as text, images are dropped to their text, unsafe links to their label.
const inline = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      return SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
  },
});

/** Renders an announcement's inline Markdown (emphasis, code, links) to HTML that is safe to insert. */
export function renderInlineMarkdown(markdown: string): string {
  return inline.parseInline(markdown, { async: false }) as string;
}
