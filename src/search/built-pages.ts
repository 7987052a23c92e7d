/**
 * Which built page goes into which language's search bundle (build-index.ts). A page under `/<lang>/` (a configured
 * language other than the default) belongs to that language, any other page to the default language; it is indexed
 * only when its `<html lang>` says that language and it has no `<meta name="robots" content="noindex">`. So an
 * untranslated page shown under `/es/` in English (marked `noindex`, or `lang="en"`) is in no bundle.
 */
import { open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { defaultLanguage } from '../i18n/languages.ts';
import { languageCode } from './bundle-path.ts';

/** Pages whose heads are read at once. */
const PAGES_IN_FLIGHT = 32;
/** Bytes of a page read at a time while looking for the end of its head: most heads end within the first read. */
const HEAD_CHUNK_BYTES = 16 * 1024;

/** A built page as the indexer sorts it: where it lies and what it says about itself. */
export interface BuiltPage {
  /** Relative to the site's root, with `/` separators: `es/articles/forgot-password/index.html`. */
  file: string;
  /** Its `<html lang>`, if any. */
  lang: string | undefined;
  /** Whether it asks search engines not to index it. */
  noindex: boolean;
}

/** One language's pages, relative to the site's root with `/` separators, in the order of their paths. */
export interface LanguagePages {
  language: string;
  files: string[];
}

/**
 * The pages of each language's bundle, the default language first. `languages` defaults to those of the built pages
 * (siteLanguages).
 */
export async function pagesByLanguage(clientDir: string, languages?: string[]): Promise<LanguagePages[]> {
  const pages = await builtPages(clientDir);
  const codes = languages ?? siteLanguages(pages.map((page) => ({ prefix: prefixOf(page.file), lang: page.lang })));
  return codes.map((language) => ({
    language,
    files: pages.filter((page) => bundleOf(page, codes) === language).map((page) => page.file),
  }));
}

/** The language whose bundle a page goes into, or undefined for none (see the module's comment). */
export function bundleOf(page: BuiltPage, languages: string[], fallback = defaultLanguage.code): string | undefined {
  if (page.noindex || !page.lang) return undefined;
  const prefix = prefixOf(page.file);
  const language = prefix && prefix !== fallback && languages.includes(prefix) ? prefix : fallback;
  return languageCode(page.lang) === language ? language : undefined;
}

const prefixOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** Every HTML page of the built site but Pagefind's own files, with the language it says it is in. */
export async function builtPages(clientDir: string): Promise<BuiltPage[]> {
  const entries = await readdir(clientDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(clientDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  const pages: BuiltPage[] = [];
  for (let at = 0; at < files.length; at += PAGES_IN_FLIGHT) {
    const batch = files.slice(at, at + PAGES_IN_FLIGHT);
    const heads = await Promise.all(batch.map((file) => readHead(join(clientDir, file))));
    batch.forEach((file, i) => pages.push({ file, ...pageSays(heads[i]) }));
  }
  return pages;
}

/**
 * The document up to the end of its `<head>` (where `lang` and the robots meta tag are), read a few KB at a time: not
 * the whole page, whose text would only be garbage here (and grow this process's heap beside Pagefind's later).
 */
export async function readHead(path: string): Promise<string> {
  const file = await open(path);
  try {
    const buffer = Buffer.alloc(HEAD_CHUNK_BYTES);
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, HEAD_CHUNK_BYTES);
      text += decoder.decode(buffer.subarray(0, bytesRead), { stream: bytesRead > 0 });
      const end = text.search(/<\/head>/i);
      if (end >= 0) return text.slice(0, end);
      if (bytesRead === 0) return text;
    }
  } finally {
    await file.close();
  }
}

/** The `<html lang>` and robots `noindex` of a page's head. */
export function pageSays(head: string): { lang: string | undefined; noindex: boolean } {
  const lang = /<html\b[^>]*?\slang=["']?([^"'\s>]+)/i.exec(head)?.[1];
  const noindex = [...head.matchAll(/<meta\b[^>]*>/gi)].some(
    ([tag]) => /\bname=["']?robots["'\s>]/i.test(tag) && /\bcontent=["'][^"']*\bnoindex\b/i.test(tag),
  );
  return { lang, noindex };
}

/**
 * The languages of a built site: the default, then each language some page under `/<code>/` is written in (its
 * `<html lang>`), as `pageLanguages` lists them for a built page each.
 */
function siteLanguages(pageLanguages: Iterable<{ prefix: string | undefined; lang: string | undefined }>): string[] {
  const found = new Set<string>([defaultLanguage.code]);
  for (const { prefix, lang } of pageLanguages) if (prefix && lang && languageCode(lang) === prefix) found.add(prefix);
  return [...found];
}
