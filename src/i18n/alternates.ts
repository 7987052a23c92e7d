/**
 * A page's versions in the other languages: the `hreflang` alternates of its head (each version lists every
 * version, itself included, and `x-default` the default language's: reciprocal by construction) and the language
 * switcher's links (the same page where it exists in that language, else that language's home).
 */
import { defaultLanguage, languageOfPath, languages, localizedPath, unlocalizedPath, type Language } from './languages.ts';

export interface SwitcherLink {
  lang: Language;
  href: string;
  /** The same page in that language (not its home). */
  samePage: boolean;
}

export function languageVersions(url: URL, translations: readonly string[] = languages.map((l) => l.code)) {
  const current = languageOfPath(url.pathname);
  const path = unlocalizedPath(url.pathname);
  const exists = (code: string) => translations.includes(code);
  const hreflang =
    translations.length > 1 && exists(current.code)
      ? [
          ...languages.filter((l) => exists(l.code)).map((l) => ({ hreflang: l.code, path: localizedPath(path, l.code) })),
          ...(exists(defaultLanguage.code) ? [{ hreflang: 'x-default', path }] : []),
        ]
      : [];
  const switcher: SwitcherLink[] = languages
    .filter((l) => l !== current)
    .map((l) =>
      exists(l.code)
        ? { lang: l, href: `${localizedPath(path, l.code)}${url.search}`, samePage: true }
        : { lang: l, href: localizedPath('/', l.code), samePage: false },
    );
  return { hreflang, switcher };
}
