// `npm run check:content`: cross-file content checks (see src/lib/content-checks.ts) and the message catalogue's
// (src/i18n/key-check.ts). Exits 1 on any problem; unused message keys are listed without failing.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkContent } from '../src/lib/content-checks.ts';
import { outdatedTranslations, updatedLine } from '../src/lib/translation-status.ts';
import { otherLanguages } from '../src/i18n/languages.ts';
import { DEFAULT_CATALOGUE, messageCheckReport } from '../src/i18n/key-check.ts';
import { formatMessage, type PluralMessage } from '../src/i18n/format.ts';
import { brandContrastProblems, themeSurfaces } from '../src/brand/contrast.ts';
import { site } from '../src/site.config.ts';

const contentDir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
// The editor's report, in English (not the readers' catalogue), its plurals chosen as the catalogue's are.
const count = (n: number, what: PluralMessage) => formatMessage(what, { count: n }, 'en');
const articlesDir = join(contentDir, 'articles');
if (!existsSync(articlesDir)) {
  console.error(`No articles folder at ${articlesDir}`);
  process.exit(1);
}
const files = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => {
    const path = join(articlesDir, name);
    return { path: relative(process.cwd(), path), source: readFileSync(path, 'utf8') };
  });
const categories = (parse(readFileSync(join(contentDir, 'categories.yaml'), 'utf8')) as { id: string }[]).map((c) => c.id);
const flowsDir = join(contentDir, 'flows');
const flows = existsSync(flowsDir)
  ? readdirSync(flowsDir)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ path: relative(process.cwd(), join(flowsDir, name)), source: readFileSync(join(flowsDir, name), 'utf8') }))
  : [];
const problems = (await checkContent({ articles: files, categoryIds: categories, flows })).map((p) => `${p.path}:${p.line}: ${p.message}`);
// Translations whose source was updated since: a warning, as the translation still says something true enough.
const warnings: string[] = [];
const sourceDates = files.flatMap((f) => {
  const at = updatedLine(f.source);
  return at ? [{ slug: basename(f.path, '.mdx'), file: f.path, updated: at.updated }] : [];
});
for (const { code } of otherLanguages) {
  const dir = join(contentDir, code, 'articles');
  if (!existsSync(dir)) continue;
  const translations = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .flatMap((name) => {
      const path = relative(process.cwd(), join(dir, name));
      const at = updatedLine(readFileSync(path, 'utf8'));
      return at ? [{ lang: code, slug: basename(name, '.mdx'), file: path, updated: at.updated, line: at.line }] : [];
    });
  for (const old of outdatedTranslations(sourceDates, translations)) {
    const line = translations.find((t) => t.file === old.file)!.line;
    warnings.push(
      `${old.file}:${line}: translation out of date: ${old.source.file} was updated ${old.source.updated}, this translation ${old.updated}`,
    );
  }
}
const root = fileURLToPath(new URL('..', import.meta.url));
const messages = messageCheckReport(root);
problems.push(...messages.errors);
problems.push(...brandContrastProblems(site.brand.colors, themeSurfaces(readFileSync(join(root, 'src/styles/global.css'), 'utf8'))));
for (const line of problems) console.error(line);
for (const line of [...warnings, ...messages.warnings]) console.warn(line);
if (problems.length) {
  console.error(`\n${count(problems.length, { one: '{count} content problem', other: '{count} content problems' })} found.`);
  process.exit(1);
}
console.log(
  `Content OK: ${count(files.length, { one: '{count} article', other: '{count} articles' })}, ` +
    `${count(categories.length, { one: '{count} category', other: '{count} categories' })}, ` +
    `${count(flows.length, { one: '{count} troubleshooter', other: '{count} troubleshooters' })}.`,
);
console.log(`Messages OK: ${messages.keys} keys in ${DEFAULT_CATALOGUE}.`);
