/**
 * The static check of the message catalogue, run by `npm run check:content` and by `npm run build` before Astro:
 * every key src/ passes to t, tParts or messagePattern (src/i18n/messages.ts) is in content/messages/en.json, so an
 * on-demand page fails the build before anyone requests it; the catalogue is well formed and sorted (parallel
 * additions then merge cleanly); every other language's file has exactly its keys; islands and browser code never
 * import the catalogue. Keys no file mentions are listed as unused.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_KEY } from './format.ts';
import { defaultLanguage, languages } from './languages.ts';

export interface KeyProblem {
  path: string;
  line: number;
  message: string;
}

export interface SourceFile {
  path: string;
  source: string;
}

export const CATALOGUE_DIR = 'content/messages';
export const DEFAULT_CATALOGUE = `${CATALOGUE_DIR}/${defaultLanguage.code}.json`;

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
// A key as written in a call: quoted, or a template literal (which must not compute it).
const KEY_USE = /(?<![\w$.])(?:t|tParts|messagePattern)\(\s*(?:'([^'\n]*)'|"([^"\n]*)"|`([^`\n]*)`)/g;
const CATALOGUE_IMPORT = /^import\s+(?!type\b)[^;]*?from\s+['"][^'"]*i18n\/messages\.ts['"]/gm;
// Code that runs in the browser gets its words as props or data attributes.
const BROWSER_CODE = /^src\/(islands|client)\//;

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Checks the source files against the default catalogue; `unused` lists its keys no file mentions. */
export function checkMessageKeys(files: SourceFile[], catalogue: SourceFile): { problems: KeyProblem[]; unused: string[] } {
  const parsed = parseCatalogue(catalogue);
  const problems = [...parsed.problems];
  const keys = new Set(parsed.entries.map(([key]) => key));
  for (const file of files) {
    if (BROWSER_CODE.test(file.path)) {
      for (const m of file.source.matchAll(CATALOGUE_IMPORT)) {
        problems.push({
          path: file.path,
          line: lineAt(file.source, m.index),
          message: 'browser code must not import the message catalogue: give it its words as props (src/i18n/island-text.ts)',
        });
      }
    }
    for (const m of file.source.matchAll(KEY_USE)) {
      const key = m[1] ?? m[2] ?? m[3];
      const at = { path: file.path, line: lineAt(file.source, m.index + m[0].length - key.length - 1) };
      if (m[3]?.includes('${')) problems.push({ ...at, message: 'write the message key out in full, so it can be checked' });
      else if (!keys.has(key)) problems.push({ ...at, message: `unknown message key "${key}" (not in ${catalogue.path})` });
    }
  }
  const mentioned = files.map((f) => f.source).join('\n');
  const unused = [...keys].filter((key) => key !== LOCALE_KEY && !['"', "'", '`'].some((q) => mentioned.includes(`${q}${key}${q}`)));
  return { problems, unused };
}

/** Another language's catalogue: the same keys as the default one, each well formed. */
export function checkTranslation(translation: SourceFile, catalogue: SourceFile): KeyProblem[] {
  const own = parseCatalogue(translation);
  const language = translation.path.replace(/^.*\/|\.json$/g, '');
  const expected = new Set(parseCatalogue(catalogue).entries.map(([key]) => key));
  const keys = new Set(own.entries.map(([key]) => key));
  const problems = [...own.problems];
  for (const [key, , line] of own.entries) {
    if (!expected.has(key)) problems.push({ path: translation.path, line, message: `key "${key}" is not in ${catalogue.path}` });
  }
  for (const key of expected) {
    if (!keys.has(key))
      problems.push({
        path: translation.path,
        line: 1,
        message: `language "${language}" is missing key "${key}" (from ${catalogue.path})`,
      });
  }
  return problems;
}

/** A catalogue's entries with their lines, and what is wrong with its shape. */
function parseCatalogue({ path, source }: SourceFile): { entries: [string, unknown, number][]; problems: KeyProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return { entries: [], problems: [{ path, line: 1, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { entries: [], problems: [{ path, line: 1, message: 'must be one JSON object of "key": "message" pairs' }] };
  }
  const lines = source.split('\n');
  const lineOf = (key: string) => lines.findIndex((l) => l.trimStart().startsWith(`${JSON.stringify(key)}:`)) + 1 || 1;
  const entries = Object.entries(data).map(([key, value]): [string, unknown, number] => [key, value, lineOf(key)]);
  const problems: KeyProblem[] = [];
  if (!entries.some(([key]) => key === LOCALE_KEY)) {
    problems.push({ path, line: 1, message: `"${LOCALE_KEY}" is missing: the locale Intl formats this language with, like "en-GB"` });
  }
  entries.forEach(([key, value, line], i) => {
    const problem = (message: string) => problems.push({ path, line, message: `"${key}": ${message}` });
    const before = entries[i - 1]?.[0];
    if (before !== undefined && before > key) problem(`keep the keys sorted: this one belongs before "${before}"`);
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(key)) problem('a key is lowercase words joined by dots, like "contact.email.label"');
    const texts = typeof value === 'string' ? [value] : pluralForms(value);
    if (!texts) return problem('a message is text, or plural forms like { "one": "…", "other": "…" }');
    for (const text of texts) {
      const rest = text.replace(/<(\w+)>(.*?)<\/\1>|\{\w+\}/gs, '');
      if (/[{}]|<\/?\w+>/.test(rest)) problem(`unbalanced {placeholder} or <tag> in "${text}"`);
    }
  });
  return { entries, problems };
}

function pluralForms(value: unknown): string[] | undefined {
  if (typeof value !== 'object' || value === null || !('other' in value)) return undefined;
  const forms = Object.entries(value);
  return forms.every(([category, text]) => PLURAL_CATEGORIES.has(category) && typeof text === 'string')
    ? forms.map(([, text]) => text as string)
    : undefined;
}

/**
 * The check over a project: its src/ against content/messages/, as lines to print (errors fail the check). Every
 * configured language (src/site.config.ts) needs its file, with exactly the default language's keys.
 */
export function messageCheckReport(
  root: string,
  codes: readonly string[] = languages.map((l) => l.code),
): { errors: string[]; warnings: string[]; keys: number } {
  const read = (path: string): SourceFile => ({ path, source: readFileSync(join(root, path), 'utf8') });
  const catalogue = read(DEFAULT_CATALOGUE);
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|astro)$/.test(name))
    .sort()
    .map((name) => read(`src/${name.split('\\').join('/')}`));
  const { problems, unused } = checkMessageKeys(files, catalogue);
  const translations = codes
    .map((code) => `${CATALOGUE_DIR}/${code}.json`)
    .filter((path) => path !== DEFAULT_CATALOGUE)
    .flatMap((path) =>
      existsSync(join(root, path))
        ? checkTranslation(read(path), catalogue)
        : [{ path, line: 1, message: 'missing: every language in `languages` (src/site.config.ts) needs its messages file' }],
    );
  return {
    errors: [...problems, ...translations].map((p) => `${p.path}:${p.line}: ${p.message}`),
    warnings: unused.map((key) => `${DEFAULT_CATALOGUE}: unused message key "${key}"`),
    keys: Object.keys(JSON.parse(catalogue.source) as object).length,
  };
}
