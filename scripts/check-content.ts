// `npm run check:content`: cross-file content checks (see src/lib/content-checks.ts). Exits 1 on any problem.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { checkContent } from '../src/lib/content-checks.ts';

const contentDir = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
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
const problems = checkContent(files, categories);
for (const p of problems) console.error(`${p.path}:${p.line}: ${p.message}`);
if (problems.length) {
  console.error(`\n${problems.length} content problem${problems.length === 1 ? '' : 's'} found.`);
  process.exit(1);
}
console.log(`Content OK: ${files.length} articles, ${categories.length} categories.`);
