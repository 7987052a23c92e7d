/**
 * The languages of the help center (`languages` in src/site.config.ts) and where each one's pages live: the default
 * language at today's addresses (`/articles/<slug>/`), every other under its code (`/es/articles/<slug>/`). Pages
 * under src/pages/[...lang]/ get their `lang` param from `languageParams()`: undefined for the default language.
 */
import { site } from '../site.config.ts';

export interface Language {
  code: string;
  /** In the language itself, as the switcher shows it. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const languages: readonly Language[] = site.languages;
export const defaultLanguage: Language = languages.find((l) => l.code === site.defaultLanguage)!;
/** The languages with their own prefix: every one but the default. */
export const otherLanguages: readonly Language[] = languages.filter((l) => l !== defaultLanguage);

// A prefix must never shadow one of the site's own top-level folders.
const RESERVED = new Set(['api', 'mcp']);
for (const { code } of languages) {
  if (RESERVED.has(code)) throw new Error(`Invalid site config (src/site.config.ts): languages: "${code}" is a reserved path`);
}

export function isLanguage(code: string | undefined): code is string {
  return code !== undefined && languages.some((l) => l.code === code);
}

/** The language with this code (the default one for an unknown code). */
export function languageOf(code: string | undefined): Language {
  return languages.find((l) => l.code === code) ?? defaultLanguage;
}

/** The site path `path` (as the default language has it, starting with `/`) in language `code`. */
export function localizedPath(path: string, code: string): string {
  if (code === defaultLanguage.code || !isLanguage(code)) return path;
  return path === '/' ? `/${code}/` : `/${code}${path}`;
}

/** The language a path is in, from its first segment. */
export function languageOfPath(pathname: string): Language {
  const first = pathname.split('/')[1];
  return otherLanguages.find((l) => l.code === first) ?? defaultLanguage;
}

/** The path as the default language has it: its language prefix taken off. */
export function unlocalizedPath(pathname: string): string {
  const { code } = languageOfPath(pathname);
  if (code === defaultLanguage.code) return pathname;
  const rest = pathname.slice(code.length + 1);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The `lang` param of a route under src/pages/[...lang]/ for a language: undefined for the default. */
export function languageParam(code: string): string | undefined {
  return code === defaultLanguage.code ? undefined : code;
}

/**
 * The language an on-demand page under src/pages/[...lang]/ was asked in, or undefined for a prefix that is not a
 * configured language (the page then answers 404).
 */
export function languageOfParam(param: string | undefined): Language | undefined {
  if (param === undefined || param === '') return defaultLanguage;
  return otherLanguages.find((l) => l.code === param);
}

/** getStaticPaths for a page that exists once per language: `params.lang` and the language as a prop. */
export function languagePaths(): { params: { lang: string | undefined }; props: { lang: Language } }[] {
  return languages.map((lang) => ({ params: { lang: languageParam(lang.code) }, props: { lang } }));
}
