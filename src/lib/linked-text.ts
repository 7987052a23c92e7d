import { LinkifyIt } from 'linkify-it';
import { escapeHtml } from './escape-html.ts';

/**
 * Plain text someone typed (a requester's message, a staff reply) as HTML: escaped, paragraphs and line breaks as
 * typed, web and email addresses made into links. For the request page, the staff console and emails alike.
 */

const linkify = new LinkifyIt();
/** Only links a reader can safely follow: the web and email. */
const SAFE = /^(?:https?:|mailto:)/i;

/** One line or paragraph's text, escaped, with its links. */
export function linkedLine(text: string): string {
  let html = '';
  let at = 0;
  for (const match of linkify.match(text) ?? []) {
    if (!SAFE.test(match.url)) continue;
    html += `${escapeHtml(text.slice(at, match.index))}<a href="${escapeHtml(match.url)}">${escapeHtml(match.text)}</a>`;
    at = match.lastIndex;
  }
  return html + escapeHtml(text.slice(at));
}

/** Paragraphs (split at blank lines) of lines (`<br>` between them). */
export function linkedTextHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkedLine).join('<br>')}</p>`)
    .join('\n');
}
