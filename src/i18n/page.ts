/**
 * The page's language and its words, for pages and components: the language comes from the page's address (its
 * `/<code>/` prefix, none for the default language), so a component needs nothing passed down. Use it as
 * `const { t, tParts, href, siteText } = pageText(Astro);`. Islands still get their words as props (src/i18n/island-text.ts).
 */
import { languageOfPath, localizedPath, type Language } from './languages.ts';
import { messagesFor, type Messages } from './messages.ts';
import { siteText, type SiteText } from './site-text.ts';

/** What a page or component has of Astro's global: its address. */
export interface PageAddress {
  url: URL;
}

export function pageLanguage(astro: PageAddress): Language {
  return languageOfPath(astro.url.pathname);
}

export interface PageText extends Messages {
  lang: Language;
  /** A site path (as the default language has it) in the page's language: `/contact/` → `/es/contact/`. */
  href(path: string): string;
  /** The help center's name, support hours, topics and audiences in the page's language (src/i18n/site-text.ts). */
  siteText: SiteText;
}

export function pageText(astro: PageAddress): PageText {
  const lang = pageLanguage(astro);
  return { ...messagesFor(lang.code), lang, href: (path: string) => localizedPath(path, lang.code), siteText: siteText(lang.code) };
}
