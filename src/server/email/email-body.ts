import { escapeHtml } from '../../lib/escape-html.ts';
import { linkedLine, linkedTextHtml } from '../../lib/linked-text.ts';

/**
 * An email's content as blocks, written once and rendered twice: as the plain-text part and as a plain,
 * accessible HTML part (a language, a title, real paragraphs and links; no images, no tracking, no rewritten links).
 */
export type Block =
  | { text: string }
  /** Someone's own words (the requester's description, a reply): kept as typed, links made clickable. */
  | { quote: string }
  | { link: string; label?: string }
  | { links: { title: string; url: string }[] };

export function textPart(blocks: Block[]): string {
  return `${blocks.map(blockText).join('\n\n')}\n`;
}

function blockText(block: Block): string {
  if ('text' in block) return block.text;
  if ('quote' in block) return block.quote.replace(/\r\n?/g, '\n').trim();
  if ('link' in block) return block.label ? `${block.label}\n${block.link}` : block.link;
  return block.links.map((l) => `- ${l.title}: ${l.url}`).join('\n');
}

const STYLE = {
  body: 'margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b;background:#ffffff',
  quote: 'margin:0 0 16px;padding:8px 16px;border-left:4px solid #767676;background:#f3f3f3',
};

export function htmlPart(blocks: Block[], { title, lang }: { title: string; lang: string }): string {
  const body = blocks.map(blockHtml).join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="${STYLE.body}">
<div style="max-width:40em">
${body}
</div>
</body>
</html>
`;
}

function blockHtml(block: Block): string {
  if ('text' in block) return `<p>${linkedLine(block.text)}</p>`;
  if ('quote' in block) return `<blockquote style="${STYLE.quote}">${linkedTextHtml(block.quote)}</blockquote>`;
  if ('link' in block) {
    const anchor = `<a href="${escapeHtml(block.link)}">${escapeHtml(block.link)}</a>`;
    return block.label ? `<p>${escapeHtml(block.label)}<br>${anchor}</p>` : `<p>${anchor}</p>`;
  }
  return `<ul>${block.links.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a></li>`).join('')}</ul>`;
}
