// Reads the articles' frontmatter from content/ so tests can follow whatever editors have written.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
// The same directory the build reads (src/lib/content-dir.ts): CONTENT_DIR when set, else ./content.
const contentDir = resolve(root, process.env.CONTENT_DIR ?? 'content');
const articlesDir = join(contentDir, 'articles');

export interface ArticleSource {
  file: string;
  slug: string;
  title: string;
  draft: boolean;
  aliases: string[];
}

/** Every article under content/articles (content/<lang>/articles for a translation) with the fields the tests use. */
export function readArticleSources(lang?: string): ArticleSource[] {
  return listMdx(lang ? join(contentDir, lang, 'articles') : articlesDir).map((path) => {
    const file = relative(root, path);
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path, 'utf8'))?.[1];
    if (frontmatter === undefined) throw new Error(`${file}: no frontmatter`);
    return {
      file,
      slug: path.replace(/^.*\//, '').replace(/\.mdx$/, ''),
      title: scalar(frontmatter, 'title') ?? '',
      draft: scalar(frontmatter, 'draft') === 'true',
      aliases: list(frontmatter, 'aliases'),
    };
  });
}

function listMdx(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listMdx(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}

/** A one-line `key: value`, without surrounding quotes. */
function scalar(frontmatter: string, key: string): string | undefined {
  const value = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(frontmatter)?.[1].trim();
  return value === undefined ? undefined : unquote(value);
}

/** A list written either inline (`key: [a, b]`) or as a block (`key:` then `  - a` lines). */
function list(frontmatter: string, key: string): string[] {
  const match = new RegExp(`^${key}:[ \\t]*(.*)\\r?\\n?((?:[ \\t]+-.*\\r?\\n?)*)`, 'm').exec(frontmatter);
  if (!match) return [];
  const inline = match[1].trim();
  const items = inline.startsWith('[')
    ? inline.replace(/^\[|\]$/g, '').split(',')
    : match[2].split(/\r?\n/).map((line) => line.replace(/^\s*-\s*/, ''));
  return items.map((item) => unquote(item.trim())).filter(Boolean);
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2');
}
