/**
 * The languages search builds a bundle for and answers in, the default first: the one place search reads them.
 * Each language's pages live under `/<code>/` (the default's at the root) and say `<html lang="<code>">`; its bundle
 * is at `/pagefind/<code>/`.
 */
import { defaultLanguage as configuredDefault, localizedPath } from '../i18n/languages.ts';
import { languageCode } from './bundle-path.ts';

export { bundlePath, languageCode } from './bundle-path.ts';

/** The site's default language: its pages are at the root, and "no results" offers searching it. */
export function defaultLanguage(): string {
  return configuredDefault.code;
}

/**
 * The languages of a built site: the default, then each language some page under `/<code>/` is written in (its
 * `<html lang>`), as `pageLanguages` lists them for a built page each.
 */
export function siteLanguages(pageLanguages: Iterable<{ prefix: string | undefined; lang: string | undefined }>): string[] {
  const found = new Set<string>([defaultLanguage()]);
  for (const { prefix, lang } of pageLanguages) if (prefix && lang && languageCode(lang) === prefix) found.add(prefix);
  return [...found];
}

/** A reader-facing path in a language: the default language's as it is, another's under `/<lang>/`. */
export const languagePath = (language: string, path: string) => localizedPath(path, language);
