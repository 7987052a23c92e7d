/**
 * The first-visit suggestion: for each other language of the site, a notice in that language offering this page in
 * it (or its home, where the page is not translated). The notices script shows it only to a browser whose language
 * it is (src/lib/announcement-window.ts, `prefers`), until dismissed; it never redirects.
 */
import type { PublicAnnouncement } from '../lib/announcement-window.ts';
import { escapeHtml } from '../lib/escape-html.ts';
import { languageVersions } from './alternates.ts';
import { messagesFor } from './messages.ts';

export function languageSuggestions(url: URL, translations?: readonly string[]): PublicAnnouncement[] {
  return languageVersions(url, translations).switcher.map(({ lang, href }) => {
    const parts = messagesFor(lang.code).tParts<{ html: string }>('language.suggestion', {
      link: (words) => ({ html: `<a href="${escapeHtml(href)}" hreflang="${lang.code}">${escapeHtml(words)}</a>` }),
    });
    return {
      key: `language:${lang.code}`,
      icon: 'info',
      prefers: lang.code,
      html: parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : p.html)).join(''),
    };
  });
}
